/// The pages' stylesheet, served at `/assets/shenbao.css`: one column that fits a phone's width,
/// system fonts (no web fonts), large touch targets.
enum FormStyle {
    static let source = #"""
:root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --accent: #b4232a; --ok: #1a7f37; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.6 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
header, main { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; }
h1 { font-size: 1.35rem; line-height: 1.4; margin: .5rem 0; }
a { color: #0b57d0; }
.back { font-size: .9rem; }
.form-id, .lead, .note, .hint, .limits, .counter { color: var(--muted); font-size: .875rem; margin: .25rem 0; }
.form-list { list-style: none; padding: 0; }
.form-list li { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: .5rem 0; padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: baseline; justify-content: space-between; }
.form-list a { font-weight: 600; text-decoration: none; }
form { margin-bottom: 2rem; }
.fields { display: flex; flex-direction: column; gap: .75rem; }
.field { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .75rem; margin: 0; min-width: 0; }
.field .fields .field { border-style: dashed; }
fieldset.field > legend { font-weight: 600; padding: 0 .25rem; }
.field > label > .label { display: block; font-weight: 600; margin-bottom: .25rem; }
.required { color: var(--accent); margin-left: .15rem; }
input[type=text], input[type=tel], input[type=email], input[type=date], input[type=number], textarea {
  width: 100%; font: inherit; padding: .5rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
textarea { resize: vertical; }
input:focus, textarea:focus { outline: 2px solid #0b57d0; outline-offset: 0; }
.options { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.option { display: inline-flex; align-items: center; gap: .35rem; min-height: 2.25rem; }
.option input { width: 1.2rem; height: 1.2rem; }
.invalid { border-color: var(--accent); }
.invalid input, .invalid textarea { border-color: var(--accent); }
.message { margin: .25rem 0 0; font-size: .9rem; }
.message:empty { display: none; }
.message .error { color: var(--accent); display: block; }
.message .warning { color: #9a6700; display: block; }
.counter.over { color: var(--accent); }
.rule { margin: .25rem 0; font-size: .9rem; color: #6e4b00; background: #fff8c5; border-radius: 4px; padding: .25rem .5rem; }
.rows { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-direction: column; gap: .75rem; }
.row { border: 1px solid var(--line); border-radius: 8px; padding: .5rem; background: var(--bg); }
.row-head { display: flex; justify-content: space-between; align-items: center; margin-bottom: .5rem; font-weight: 600; }
button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; min-height: 2.5rem; }
button:disabled { opacity: .5; cursor: default; }
button.link { border: 0; background: none; color: #0b57d0; padding: .25rem .5rem; min-height: 0; }
.add-row { width: 100%; border-style: dashed; }
.preview img { max-width: 10rem; max-height: 10rem; margin-top: .5rem; border: 1px solid var(--line); }
.actions { position: sticky; bottom: 0; display: flex; flex-wrap: wrap; gap: .5rem; padding: .75rem 0; background: var(--bg); }
.actions button { flex: 1 1 10rem; }
#check { background: var(--accent); border-color: var(--accent); color: #fff; }
.summary { background: #ffebe9; border: 1px solid #ffb8b0; border-radius: 8px; padding: .5rem 1rem; margin: .75rem 0; }
.summary.ok { background: #dafbe1; border-color: #aceebb; color: var(--ok); }
.summary ul { margin: .25rem 0; padding-left: 1.25rem; }
.result p { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; }
.result .error { color: var(--accent); }
.load { margin: .5rem 0; font-size: .9rem; }
@media (max-width: 30rem) { h1 { font-size: 1.15rem; } .field { padding: .6rem; } }
"""#
}
