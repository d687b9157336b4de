"""Realistic Russian names for generated demo people (deterministic for a given seed)."""

import random

MALE_FIRST = [
    "Александр",
    "Дмитрий",
    "Максим",
    "Иван",
    "Артём",
    "Михаил",
    "Кирилл",
    "Егор",
    "Никита",
    "Матвей",
    "Андрей",
    "Илья",
    "Тимофей",
    "Роман",
    "Даниил",
]
FEMALE_FIRST = [
    "Анна",
    "Мария",
    "Софья",
    "Дарья",
    "Полина",
    "Елизавета",
    "Виктория",
    "Алиса",
    "Ксения",
    "Варвара",
    "Екатерина",
    "Анастасия",
    "Вероника",
    "Ольга",
]
FATHERS = [
    "Александр",
    "Сергей",
    "Андрей",
    "Алексей",
    "Дмитрий",
    "Игорь",
    "Владимир",
    "Николай",
    "Евгений",
    "Олег",
    "Павел",
    "Виктор",
    "Юрий",
    "Михаил",
]
SURNAMES = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров",
    "Зайцев",
    "Соловьёв",
    "Борисов",
]


def _patronymic(father: str, female: bool) -> str:
    irregular = {"Николай": "Николаев", "Евгений": "Евгеньев", "Юрий": "Юрьев"}
    if father in irregular:
        stem = irregular[father]
        return stem + ("на" if female else "ич")
    if father.endswith("й"):
        return father[:-1] + ("евна" if female else "евич")
    return father + ("овна" if female else "ович")


def russian_people(count: int, seed: int = 29):
    """Yield (last, first, patronymic) triples with matching gender forms."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    for _ in range(count):
        female = rng.random() < 0.5
        first = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
        last = rng.choice(SURNAMES) + ("а" if female else "")
        yield last, first, _patronymic(rng.choice(FATHERS), female)
