"""The catalogue the search tests share: the same for both engines."""

from library.models import EditionKind

SUBJECTS = ["Математика", "Физика", "История России"]


def catalogue_fill(make_edition) -> dict:
    made = {
        "maths": make_edition(
            "Математика. 5 класс. Учебник",
            authors="Никольский С. М.; Потапов М. К.",
            publisher="Просвещение",
            subject="Математика",
            grade_from=5,
            year=2023,
            on_federal_list=True,
            isbn="9785090999991",
        ),
        "maths_book": make_edition(
            "Учебник математики для кадетских классов",
            authors="Петров П. П.",
            subject="Математика",
            grade_from=6,
            year=2012,
        ),
        "hedgehog": make_edition(
            "Ёжик в тумане",
            authors="Козлов С. Г.",
            kind=EditionKind.FICTION,
            subject="Литература",
            grade_from=1,
            grade_to=4,
            year=2019,
        ),
        "physics_book": make_edition(
            "Физика. Рабочая тетрадь. 8 класс",
            kind=EditionKind.TEACHING_AID,
            subject="Физика",
            grade_from=8,
            year=2021,
        ),
    }
    # Enough textbooks for more than one page of results (20 a page).
    for number in range(30):
        subject = SUBJECTS[number % 3]
        made[f"textbook{number}"] = make_edition(
            f"{subject}. {5 + number % 6} класс. Учебник. Часть {number}",
            authors=f"Автор{number} А. А.",
            subject=subject,
            grade_from=5 + number % 6,
            year=2000 + number,
            on_federal_list=number % 2 == 0,
        )
    return made
