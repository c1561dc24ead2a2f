"""Drives `shenbao serve`'s sd-lab-2022 page in headless Chromium at a phone's width, as an applicant
would: types every field, adds a second 人员 row, ticks choices, sees the validator's message for a
bad phone number, downloads the data file and the Word document, then loads the data file back and
downloads it again. Prints one JSON object of what it saw; the Swift test judges it.

Usage: python fill_sd_lab.py BASE_URL OUTPUT_DIR SEALS_DIR (holding 公章.png and 推荐单位公章.png)
"""
import glob
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

base, out, seals = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844", "--lang=zh-CN"]:
    options.add_argument(argument)
options.add_experimental_option("prefs", {
    "download.default_directory": out, "download.prompt_for_download": False,
    "profile.default_content_setting_values.automatic_downloads": 1})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": out})
wait = WebDriverWait(driver, 30)
seen = {}


def field(path):
    return driver.find_element(By.CSS_SELECTOR, '[data-path="%s"]' % path)


def visible(element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    return element


def type_into(path, text, blur=True):
    control = visible(field(path).find_element(By.CSS_SELECTOR, "input, textarea"))
    control.clear()
    control.send_keys(text)
    if blur:
        control.send_keys(Keys.TAB)


def choose(path, option):
    element = field(path)
    label = element.find_element(By.XPATH, './/label[contains(@class, "option")][normalize-space(.)="%s"]' % option)
    visible(label).click()


def set_date(path, iso):
    control = visible(field(path).find_element(By.CSS_SELECTOR, "input"))
    driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", control, iso)
    control.send_keys(Keys.TAB)


def message(path):
    return field(path).find_element(By.CSS_SELECTOR, ":scope > .message").text


def click(element_id):
    visible(driver.find_element(By.ID, element_id)).click()


def downloaded(suffix, before):
    def ready(_):
        files = [f for f in glob.glob(os.path.join(out, "*" + suffix)) if f not in before]
        return files[0] if files else False
    path = wait.until(ready)
    time.sleep(0.3)
    return path


try:
    driver.get(base + "/forms/sd-lab-2022")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-path="人员.1"]'))
    seen["fits_phone_width"] = driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")

    set_date("申报日期", "2022-12-08")
    type_into("主申报单位名称", "山东海岱大学数据科学与工程学院")
    choose("主申报单位性质", "高校")
    type_into("联合申报单位名称", "山东数海科技有限公司")
    choose("联合申报单位性质", "企业")
    choose("申报方向", "数据开放应用创新")
    type_into("单位地址", "山东省济南市历城区海岱路88号")
    type_into("联系人.姓名", "王晓岚")
    type_into("联系人.职务", "科研办主任")
    type_into("联系人.电话", "0531-5178")
    wait.until(lambda d: message("联系人.电话"))
    seen["phone_message"] = message("联系人.电话")
    driver.save_screenshot(os.path.join(out, "phone-message.png"))
    type_into("联系人.电话", "0531-88661234")
    wait.until(lambda d: not message("联系人.电话"))
    type_into("联系人.邮箱", "wangxl@haidai.edu.cn")
    type_into("单位简介", "山东海岱大学数据科学与工程学院成立于2016年。\n现有教职工112人。")

    type_into("人员.1.姓名", "李振东")
    choose("人员.1.性别", "男")
    type_into("人员.1.年龄", "52")
    type_into("人员.1.职称", "教授")
    type_into("人员.1.分工", "实验室主任")
    type_into("人员.1.职务", "院长")
    type_into("人员.1.参与起止日期", "2023.01-2025.12")
    visible(field("人员").find_element(By.CSS_SELECTOR, ".add-row")).click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-path="人员.2.姓名"]'))
    type_into("人员.2.姓名", "陈雅琴")
    choose("人员.2.性别", "女")
    type_into("人员.2.年龄", "45")
    type_into("人员.2.职称", "教授")
    type_into("人员.2.分工", "数据融合与建模")
    type_into("人员.2.职务", "副院长")
    type_into("人员.2.参与起止日期", "2023.01-2025.12")

    for key in ["重点研究领域", "聚焦解决问题", "使用数据情况", "主要成果内容"]:
        type_into("实验室总体简介." + key, key + "：交通出行与城市治理。")
    for key in ["建设目的和必要性", "分阶段目标", "预期成果", "社会和经济效益", "保障基础"]:
        type_into(key, "（" + key + "）围绕城市公共交通开展研究。")
    type_into("推荐单位", "济南市大数据局")
    type_into("推荐排序", "1")
    type_into("推荐意见", "同意推荐。")
    for key in ["公章", "推荐单位公章"]:
        visible(field(key)).find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(os.path.join(seals, key + ".png"))
        wait.until(lambda d: field(key).find_elements(By.CSS_SELECTOR, ".preview img"))

    click("check")
    wait.until(lambda d: "ok" in d.find_element(By.ID, "summary").get_attribute("class"))
    seen["summary"] = driver.find_element(By.ID, "summary").text
    driver.save_screenshot(os.path.join(out, "filled.png"))

    before = set(glob.glob(os.path.join(out, "*")))
    click("download-yaml")
    seen["yaml"] = downloaded(".yaml", before)
    before = set(glob.glob(os.path.join(out, "*")))
    click("download-docx")
    seen["docx"] = downloaded(".docx", before)
    seen["seals"] = sorted(os.path.basename(f) for f in glob.glob(os.path.join(out, "*.png")) if "公章" in f)

    # Continue later: a fresh page, the data file loaded back, downloaded again.
    os.makedirs(os.path.join(out, "again"), exist_ok=True)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": os.path.join(out, "again")})
    driver.get(base + "/forms/sd-lab-2022")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-path="人员.1"]'))
    driver.find_element(By.ID, "load-file").send_keys(seen["yaml"])
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-path="人员.2.姓名"]'))
    seen["loaded_phone"] = field("联系人.电话").find_element(By.CSS_SELECTOR, "input").get_attribute("value")
    seen["loaded_rows"] = len(driver.find_elements(By.CSS_SELECTOR, '[data-key="人员"] > .rows > .row'))
    out = os.path.join(out, "again")
    click("download-yaml")
    seen["yaml_again"] = downloaded(".yaml", set())
except Exception as error:  # the Swift test reports what went wrong, with what was seen so far
    seen["error"] = "%s: %s" % (type(error).__name__, error)
    try:
        driver.save_screenshot(os.path.join(sys.argv[2], "failure.png"))
    except Exception:
        pass
finally:
    driver.quit()
print(json.dumps(seen, ensure_ascii=False))
