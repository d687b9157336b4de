"""Granting a privilege on an element by clicks, as a system administrator does it:
the Access screen, the person chooser's search, the grant (SPEC §4; regulation §5.5)."""

from playwright.sync_api import expect


def test_a_class_is_opened_to_a_colleague_through_the_access_screen(page, site_url):
    from wagtail.models import Site

    from accounts.models import SchoolClass, User
    from eios.access import Action, can
    from eios.models import School

    User.objects.create_superuser("root", password="root-pass-2929", last_name="Сергеев")
    colleague = User.objects.create_user(
        "belova.i", password="belova-pass-29", last_name="Белова", first_name="Ирина"
    )
    User.objects.create_user("belov.a", password="belov-pass-29", last_name="Белов")
    school_class = SchoolClass.objects.create(
        school=School.for_site(Site.objects.get(is_default_site=True)), name="7Б", year=2026
    )

    page.goto(site_url + "/accounts/login/")
    page.fill('input[name="login"]', "root")
    page.fill('input[name="password"]', "root-pass-2929")
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/cabinet/")

    page.goto(f"{site_url}/admin/access/accounts.schoolclass/{school_class.pk}/")
    page.select_option('select[name="action"]', "view")
    page.get_by_role("button", name="Выбрать сотрудника или ученика").click()
    search = page.get_by_placeholder("Фамилия, имя или логин")
    search.fill("Белова")
    page.get_by_role("link", name="Белова Ирина").click()
    page.get_by_role("button", name="Предоставить").click()

    expect(page.locator("table.listing")).to_contain_text("Белова Ирина")
    expect(page.locator("table.listing")).not_to_contain_text("Белов (")
    assert can(colleague, Action.VIEW, school_class)


def test_the_head_of_a_department_opens_her_materials_to_a_pupil(page, site_url):
    # The README's «Access» example: the demo school's teacher heads a subject department
    # and so administers its materials by her post, with no grant from anyone.
    from accounts.models import SubjectDepartment, User
    from eios.access import Action, can
    from eios.demo import demo_load

    demo_load(students=3, news=1)
    materials = SubjectDepartment.objects.get(head__username="teacher").materials
    pupil = User.objects.get(username="student")

    page.goto(site_url + "/accounts/login/")
    page.fill('input[name="login"]', "teacher")
    page.fill('input[name="password"]', "demo-teacher-29")
    page.get_by_role("button", name="Войти").click()
    page.wait_for_url("**/cabinet/")

    page.goto(f"{site_url}/admin/access/wagtailcore.page/{materials.pk}/")
    page.select_option('select[name="action"]', "view")
    page.get_by_role("button", name="Выбрать сотрудника или ученика").click()
    page.get_by_placeholder("Фамилия, имя или логин").fill("Кузнецов")
    page.get_by_role("link", name="Кузнецов Артём").click()
    page.get_by_role("button", name="Предоставить").click()

    # The holders by post come first, the grants after them.
    expect(page.locator("table.listing").last).to_contain_text("Кузнецов Артём")
    assert can(pupil, Action.VIEW, materials)
