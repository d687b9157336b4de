from playwright.sync_api import expect


def test_home_page_opens_in_a_real_browser(page, site_url):
    page.goto(site_url + "/")
    expect(page).to_have_title("МБОУ Школа № 7 — МБОУ Школа № 7")
    expect(page.locator("html")).to_have_attribute("lang", "ru")


def test_low_vision_switch_changes_the_page_and_is_remembered(page, site_url):
    page.goto(site_url + "/")
    html = page.locator("html")
    normal_size = page.evaluate("getComputedStyle(document.documentElement).fontSize")
    page.get_by_role("button", name="Версия для слабовидящих").click()
    expect(html).to_have_class("lv lv-size-2 lv-scheme-bw")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") != normal_size
    page.get_by_role("button", name="Белым по чёрному").click()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    page.get_by_role("button", name="Скрыть изображения").click()
    # Remembered on the next page.
    page.goto(site_url + "/sveden/")
    expect(html).to_have_class("lv lv-size-2 lv-scheme-wb lv-no-images")


def test_sveden_common_is_reachable_with_the_keyboard_alone(page, site_url):
    page.goto(site_url + "/")
    # Tab through the page until the menu link to «Сведения» has focus, then follow it.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "/sveden/":
            break
    else:
        raise AssertionError("the menu link to /sveden/ is not reachable by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sveden/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "/sveden/common/":
            break
    else:
        raise AssertionError("the link to /sveden/common/ is not reachable by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sveden/common/")
