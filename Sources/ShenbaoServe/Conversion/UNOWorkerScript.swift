/// The Python program that keeps one LibreOffice warm: it starts `soffice` listening on a named
/// pipe (its own profile), connects through UNO (Debian's python3-uno), then converts one
/// document per request line on standard input, answering one JSON line on standard output.
/// It is its process group's leader, so killing the group ends LibreOffice too; a watchdog
/// thread kills the group when the server that started it is gone.
enum UNOWorkerScript {
    static let source = #"""
import json, os, signal, subprocess, sys, threading, time

def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()

def watch(parent):
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os.killpg(0, signal.SIGKILL)

def main():
    soffice, profile_url, pipe_name = sys.argv[1:4]
    # Descriptors the server did not mean to share (its listening socket) are closed.
    os.closerange(3, 65536)
    threading.Thread(target=watch, args=(os.getppid(),), daemon=True).start()
    try:
        import uno
        from com.sun.star.beans import PropertyValue
        from com.sun.star.connection import NoConnectException
    except ImportError as error:
        reply({"ready": False, "error": "缺少 python3-uno（%s）：请用 apt-get install python3-uno 安装" % error})
        return 3

    def prop(name, value):
        p = PropertyValue()
        p.Name = name
        p.Value = value
        return p

    office = subprocess.Popen(
        [soffice, "-env:UserInstallation=" + profile_url, "--headless", "--invisible", "--nologo",
         "--nodefault", "--norestore", "--nolockcheck",
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe_name],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    context = None
    while context is None:
        if office.poll() is not None:
            reply({"ready": False, "error": "LibreOffice 在接受连接之前以退出状态 %d 结束" % office.returncode})
            return 4
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe_name)
        except NoConnectException:
            time.sleep(0.1)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    reply({"ready": True})

    for line in sys.stdin:
        request = json.loads(line)
        try:
            document = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(request["input"]), "_blank", 0, (prop("Hidden", True),))
            if document is None:
                raise RuntimeError("LibreOffice 无法打开该文档")
            try:
                options = [prop("FilterName", "writer_pdf_Export")]
                if request.get("pdfa"):
                    options.append(prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue",
                                                               (prop("SelectPdfVersion", 2),))))
                document.storeToURL(uno.systemPathToFileUrl(request["output"]), tuple(options))
            finally:
                document.close(True)
            reply({"ok": True})
        except Exception as error:
            reply({"ok": False, "error": "%s: %s" % (type(error).__name__, error)})
    return 0

if __name__ == "__main__":
    sys.exit(main())
"""#
}
