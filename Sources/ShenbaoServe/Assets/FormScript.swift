/// The page's script, served at `/assets/shenbao.js`: collects the data from the generated
/// fields (`data-key`, `data-type`), asks the API to validate it on blur and on submit, shows
/// each diagnostic next to its field, adds and removes table rows within the spec's limits,
/// loads a saved data file back, and downloads the data file, the DOCX and the checked PDF.
enum FormScript {
    static let source = #"""
"use strict";
(function () {
  const form = document.getElementById("shenbao-form");
  if (!form) return;
  const formID = form.dataset.form;
  const api = "/api/forms/" + encodeURIComponent(formID);
  const summary = document.getElementById("summary");
  const result = document.getElementById("result");
  const touched = new Set();
  let submitted = false;
  let serial = 0;
  let timer = null;

  const children = (el) => Array.from(el.querySelectorAll(":scope > .fields > [data-key]"));

  // ---- collecting the data ----
  function collect(container, prefix) {
    const out = {};
    for (const el of children(container)) {
      const path = prefix + el.dataset.key;
      el.dataset.path = path;
      const value = valueOf(el, path);
      if (value !== undefined) out[el.dataset.key] = value;
    }
    return out;
  }

  function valueOf(el, path) {
    const type = el.dataset.type;
    if (type === "group") {
      const v = collect(el, path + ".");
      return Object.keys(v).length ? v : undefined;
    }
    if (type === "table") {
      const rows = Array.from(el.querySelectorAll(":scope > .rows > .row"));
      rows.forEach((row, i) => { row.dataset.path = path + "." + (i + 1); row.querySelector(".row-number").textContent = i + 1; });
      if (!rows.length) return undefined;
      return rows.map((row, i) => collect(row, path + "." + (i + 1) + "."));
    }
    if (type === "choice" || type === "bool") {
      const checked = el.querySelector("input:checked");
      return checked ? checked.value : undefined;
    }
    if (type === "multichoice") {
      const values = Array.from(el.querySelectorAll("input:checked")).map((i) => i.value);
      return values.length ? values : undefined;
    }
    if (type === "image") return el.dataset.value || undefined;
    const input = el.querySelector("input, textarea");
    const text = input.value;
    return text.trim() === "" ? undefined : text;
  }

  function data() {
    return Object.assign({ form: formID }, collect(form, ""));
  }

  // ---- filling the form from data ----
  function fill(container, values) {
    for (const el of children(container)) setValue(el, values ? values[el.dataset.key] : undefined);
  }

  function setValue(el, value) {
    const type = el.dataset.type;
    if (type === "group") return fill(el, value && typeof value === "object" ? value : {});
    if (type === "table") {
      el.querySelector(":scope > .rows").innerHTML = "";
      for (const row of Array.isArray(value) ? value : []) fill(addRow(el), row);
      updateRowButtons(el);
      return;
    }
    if (type === "choice" || type === "bool" || type === "multichoice") {
      const chosen = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
      for (const input of el.querySelectorAll("input")) input.checked = chosen.includes(input.value);
      return;
    }
    if (type === "image") return setImage(el, value || "");
    const input = el.querySelector("input, textarea");
    let text = value === undefined ? "" : String(value);
    if (input.type === "date" && text && !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      const m = /^(\d{4})[\/.年-](\d{1,2})[\/.月-](\d{1,2})日?$/.exec(text);
      if (m) text = m[1] + "-" + m[2].padStart(2, "0") + "-" + m[3].padStart(2, "0");
      else input.type = "text"; // keep what the file says; the validator says what is wrong
    }
    if (input.type === "number" && text && !/^-?\d+(\.\d+)?$/.test(text)) input.type = "text";
    input.value = text;
    updateCounter(el);
  }

  function setImage(el, value) {
    el.dataset.value = value;
    const preview = el.querySelector(".preview");
    preview.innerHTML = "";
    if (value.startsWith("data:")) {
      const img = document.createElement("img");
      img.src = value;
      img.alt = el.dataset.label;
      preview.appendChild(img);
    } else if (value) {
      preview.textContent = "数据文件引用了图片「" + value + "」，请重新选择该图片文件。";
    }
    el.querySelector(".clear-image").hidden = !value;
    if (!value) el.querySelector("input[type=file]").value = "";
  }

  // ---- table rows ----
  let names = 0;
  function addRow(table) {
    const row = table.querySelector(":scope > template").content.firstElementChild.cloneNode(true);
    // Radio groups of each row need names of their own.
    for (const choice of row.querySelectorAll(".choice")) {
      const name = "r" + ++names;
      for (const input of choice.querySelectorAll("input")) input.name = name;
    }
    table.querySelector(":scope > .rows").appendChild(row);
    prepare(row);
    return row;
  }

  function updateRowButtons(table) {
    const rows = table.querySelectorAll(":scope > .rows > .row").length;
    const max = Number(table.dataset.maxRows || Infinity);
    const min = Number(table.dataset.minRows || 0);
    table.querySelector(":scope > .add-row").disabled = rows >= max;
    for (const b of table.querySelectorAll(":scope > .rows > .row > .row-head > .remove-row")) b.disabled = rows <= min;
    valueOf(table, table.dataset.path || table.dataset.key);
  }

  function updateCounter(el) {
    const max = el.dataset.maxLength;
    const input = el.querySelector(":scope > label > textarea, :scope > label > input[type=text]");
    if (!max || !input) return;
    let counter = el.querySelector(":scope > .counter");
    if (!counter) {
      counter = document.createElement("p");
      counter.className = "counter";
      el.insertBefore(counter, el.querySelector(":scope > .message"));
    }
    const length = Array.from(input.value.replace(/[\r\n]/g, "")).length;
    counter.textContent = "已写 " + length + " 字 / 上限 " + max + " 字";
    counter.classList.toggle("over", length > Number(max));
  }

  function prepare(root) {
    for (const choice of root.querySelectorAll(".choice")) {
      if (!choice.closest("template") && !choice.querySelector("input").name) {
        const name = "r" + ++names;
        for (const input of choice.querySelectorAll("input")) input.name = name;
      }
    }
    for (const el of root.querySelectorAll("[data-max-length]")) updateCounter(el);
  }

  // ---- diagnostics ----
  function shown(path) {
    if (submitted || !path) return submitted;
    for (const t of touched) if (t === path || t.startsWith(path + ".") || path.startsWith(t + ".")) return true;
    return false;
  }

  function elementFor(path) {
    return path ? form.querySelector('[data-path="' + CSS.escape(path) + '"]') : null;
  }

  function show(report) {
    for (const m of form.querySelectorAll(".message")) { m.textContent = ""; m.className = "message"; }
    for (const el of form.querySelectorAll(".invalid")) el.classList.remove("invalid");
    const loose = [];
    for (const d of report.diagnostics || []) {
      const el = elementFor(d.path);
      const target = el && (el.querySelector(":scope > .message") || el.querySelector(".message"));
      if (target && shown(d.path)) {
        const line = document.createElement("span");
        line.className = d.severity;
        line.textContent = (d.severity === "error" ? "" : "提示：") + d.message;
        target.appendChild(line);
        if (d.severity === "error") el.classList.add("invalid");
      }
      if (!target && (submitted || d.severity === "error" && !d.path)) loose.push(d);
    }
    const errors = (report.diagnostics || []).filter((d) => d.severity === "error");
    if (!submitted) { if (!loose.length) summary.hidden = true; else renderSummary(loose, loose.length); return; }
    if (!errors.length && !loose.length) {
      summary.hidden = false;
      summary.className = "summary ok";
      summary.textContent = report.warnings ? "检查通过（" + report.warnings + " 个提示）" : "检查通过，没有发现问题";
      return;
    }
    renderSummary(report.diagnostics.filter((d) => d.severity === "error" || loose.includes(d)), errors.length);
  }

  function renderSummary(list, errorCount) {
    summary.hidden = false;
    summary.className = "summary";
    summary.innerHTML = "";
    const head = document.createElement("p");
    head.textContent = errorCount ? "有 " + errorCount + " 处需要修改：" : "提示：";
    summary.appendChild(head);
    const ul = document.createElement("ul");
    for (const d of list) {
      const li = document.createElement("li");
      const el = elementFor(d.path);
      const text = (d.label ? d.label + "：" : "") + d.message;
      if (el) {
        const a = document.createElement("a");
        a.href = "#";
        a.textContent = text;
        a.addEventListener("click", (e) => { e.preventDefault(); el.scrollIntoView({ block: "center" }); const f = el.querySelector("input, textarea"); if (f) f.focus(); });
        li.appendChild(a);
      } else li.textContent = text;
      ul.appendChild(li);
    }
    summary.appendChild(ul);
  }

  async function post(action, body, type) {
    return fetch(api + "/" + action, { method: "POST", headers: { "Content-Type": type || "application/json" }, body: body });
  }

  async function validate() {
    const mine = ++serial;
    const response = await post("validate", JSON.stringify(data()));
    const report = await response.json();
    if (mine === serial) show(report);
    return report;
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(() => validate().catch(networkError), 250);
  }

  function networkError(error) {
    result.textContent = "无法连接 shenbao 服务：" + error;
  }

  // ---- files ----
  function offer(blob, name, note) {
    const url = URL.createObjectURL(blob);
    const p = document.createElement("p");
    if (note) { const span = document.createElement("span"); span.textContent = note + " "; p.appendChild(span); }
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.textContent = "下载 " + name;
    a.className = "download";
    p.appendChild(a);
    result.prepend(p);
    a.click();
  }

  // The data file names each uploaded image as the server wrote it (公章.png): offer those files
  // too, to keep beside the data file.
  function offerImages() {
    for (const el of form.querySelectorAll(".image[data-path]")) {
      const value = el.dataset.value || "";
      const m = /^data:image\/(png|jpeg);base64,(.*)$/.exec(value);
      if (!m) continue;
      const bytes = Uint8Array.from(atob(m[2]), (c) => c.charCodeAt(0));
      const name = el.dataset.path.replace(/\./g, "-").replace(/[^\p{L}\p{N}_-]/gu, "") + (m[1] === "png" ? ".png" : ".jpg");
      offer(new Blob([bytes], { type: "image/" + m[1] }), name, "与数据文件放在同一文件夹：");
    }
  }

  function fileName(response, fallback) {
    const header = response.headers.get("Content-Disposition") || "";
    const m = /filename\*=UTF-8''([^;]+)/.exec(header);
    return m ? decodeURIComponent(m[1]) : fallback;
  }

  async function download(action, fallback) {
    const response = await post(action, JSON.stringify(data()));
    if (response.ok) {
      let note = "";
      const verdict = response.headers.get("X-Shenbao-Check");
      if (verdict) note = verdict === "match"
        ? "PDF 已核对：与 Word 文档一致（" + response.headers.get("X-Shenbao-Pages") + " 页）。"
        : "PDF 已核对：与 Word 文档有 " + response.headers.get("X-Shenbao-Differences") + " 处不一致，请勿直接提交。";
      offer(await response.blob(), fileName(response, fallback), note);
      if (action === "yaml") offerImages();
      return;
    }
    const report = await response.json();
    submitted = true;
    show(report);
    result.prepend(Object.assign(document.createElement("p"), { className: "error", textContent: "未能生成：请先修改上面标出的问题。" }));
  }

  async function load(file) {
    const text = await file.text();
    const type = /\.json$/i.test(file.name) ? "application/json" : "application/yaml";
    const response = await post("load", text, type);
    const report = await response.json();
    if (!report.data) { submitted = true; show(report); return; }
    fill(form, report.data);
    submitted = true;
    valueOf(form, "");
    data();
    show(report);
  }

  // ---- wiring ----
  form.addEventListener("focusout", (e) => {
    const el = e.target.closest("[data-key]");
    if (!el || el.dataset.type === "table" || el.dataset.type === "group") return;
    data();
    touched.add(el.dataset.path);
    later();
  });
  form.addEventListener("input", (e) => {
    const el = e.target.closest("[data-key]");
    if (el) updateCounter(el);
  });
  form.addEventListener("change", (e) => {
    const el = e.target.closest("[data-key]");
    if (!el) return;
    if (el.dataset.type === "image" && e.target.files && e.target.files[0]) {
      const reader = new FileReader();
      reader.onload = () => { setImage(el, reader.result); data(); touched.add(el.dataset.path); later(); };
      reader.readAsDataURL(e.target.files[0]);
    } else if (["choice", "bool", "multichoice"].includes(el.dataset.type)) {
      data();
      touched.add(el.dataset.path);
      later();
    }
  });
  form.addEventListener("click", (e) => {
    const button = e.target.closest("button");
    if (!button) return;
    const table = button.closest(".table");
    if (button.classList.contains("add-row")) {
      const row = addRow(table);
      updateRowButtons(table);
      data();
      const first = row.querySelector("input, textarea");
      if (first) first.focus();
    } else if (button.classList.contains("remove-row")) {
      button.closest(".row").remove();
      updateRowButtons(table);
      data();
      later();
    } else if (button.classList.contains("clear-choice")) {
      for (const input of button.closest(".choice").querySelectorAll("input")) input.checked = false;
      later();
    } else if (button.classList.contains("clear-image")) {
      setImage(button.closest(".image"), "");
      later();
    }
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submitted = true;
    validate().catch(networkError);
  });
  document.getElementById("download-yaml").addEventListener("click", () => download("yaml", formID + ".yaml").catch(networkError));
  document.getElementById("download-docx").addEventListener("click", () => download("docx", formID + ".docx").catch(networkError));
  document.getElementById("download-pdf").addEventListener("click", (e) => {
    e.target.disabled = true;
    result.prepend(Object.assign(document.createElement("p"), { className: "pending", textContent: "正在生成 PDF 并核对……" }));
    download("pdf", formID + ".pdf").catch(networkError).finally(() => {
      e.target.disabled = false;
      const pending = result.querySelector(".pending");
      if (pending) pending.remove();
    });
  });
  document.getElementById("load-file").addEventListener("change", (e) => {
    if (e.target.files[0]) load(e.target.files[0]).catch(networkError);
  });

  prepare(form);
  for (const table of form.querySelectorAll(".table")) {
    const min = Number(table.dataset.minRows || 0);
    if (!table.closest("template")) { for (let i = 0; i < min; i++) addRow(table); updateRowButtons(table); }
  }
  data();
})();
"""#
}
