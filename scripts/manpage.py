#!/usr/bin/env python3
"""Writes shenbao's man page (roff, section 1) from the command's own description.

Usage: scripts/manpage.py path/to/shenbao > shenbao.1

Reads `shenbao --experimental-dump-help` (swift-argument-parser's ToolInfo JSON), so the page says
exactly what `--help` says: every subcommand with its abstract, discussion, arguments and options.
"""
import datetime
import json
import subprocess
import sys


# swift-argument-parser's own abstracts, said in Chinese as `shenbao --help` says them
# (Sources/shenbao/Support/ArgumentParserWording.swift).
ARGUMENT_PARSER_WORDS = {
    "Show help information.": "显示帮助信息。",
    "Show the version.": "显示版本号。",
    "Show subcommand help information.": "显示子命令的帮助信息。",
}


def said(text):
    return ARGUMENT_PARSER_WORDS.get(text, text)


def roff(text):
    """Escapes text for roff: backslashes, and a leading dot or quote."""
    text = (text or "").replace("\\", "\\e")
    return "\n".join(("\\&" + line if line[:1] in ".'" else line) for line in text.split("\n"))


def synopsis(argument):
    if argument["kind"] == "positional":
        text = "<%s>" % argument.get("valueName", "value")
    else:
        name = argument["preferredName"]
        text = ("--" if name["kind"] == "long" else "-") + name["name"]
        if argument["kind"] == "option":
            text += " <%s>" % argument.get("valueName", "value")
    if argument.get("isRepeating"):
        text += " ..."
    return "[%s]" % text if argument.get("isOptional") else text


def names(argument):
    if argument["kind"] == "positional":
        return "<%s>" % argument.get("valueName", "value")
    spelled = [("--" if n["kind"] == "long" else "-") + n["name"] for n in argument.get("names", [])]
    value = " <%s>" % argument.get("valueName", "value") if argument["kind"] == "option" else ""
    return ", ".join(s + value for s in spelled)


def command(out, info, path):
    shown = [a for a in info.get("arguments", []) if a.get("shouldDisplay", True)]
    out.append(".SS %s" % roff(" ".join(path)) if len(path) > 1 else ".SH SYNOPSIS")
    out.append(".B %s" % roff(" ".join(path)))
    out.append(roff(" ".join(synopsis(a) for a in shown)))
    if len(path) > 1 and info.get("abstract"):
        out += [".PP", roff(said(info["abstract"]))]
    if info.get("discussion"):
        out += [".PP", roff(info["discussion"])]
    for argument in shown:
        out += [".TP", "\\fB%s\\fR" % roff(names(argument)), roff(said(argument.get("abstract", "")))]
    subcommands = [c for c in info.get("subcommands", []) if c.get("shouldDisplay", True)]
    if subcommands and len(path) == 1:
        out.append(".SH COMMANDS")
    for sub in subcommands:
        command(out, sub, path + [sub["commandName"]])


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip())
    dump = subprocess.run([sys.argv[1], "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout
    info = json.loads(dump)["command"]
    version = subprocess.run([sys.argv[1], "--version"], check=True, capture_output=True, text=True).stdout.strip()
    name = info["commandName"]
    out = [
        '.TH %s 1 "%s" "%s %s"' % (name.upper(), datetime.date.today().isoformat(), name, roff(version)),
        ".SH NAME",
        "%s \\- %s" % (name, roff(info.get("abstract", ""))),
    ]
    command(out, info, [name])
    out += [
        ".SH FILES",
        ".TP", "\\fI<prefix>/share/shenbao/templates/<form-id>/\\fR",
        "随附的表单包（template.docx、form.yaml），按 \\fB--form\\fR 或数据文件的 \\fBform:\\fR 查找。",
        ".SH ENVIRONMENT",
        ".TP", "\\fBSHENBAO_TEMPLATES\\fR",
        "最先查找的表单包目录。",
        ".SH SEE ALSO",
        "\\fBsoffice\\fR(1), \\fBpdftotext\\fR(1)",
    ]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
