"""A Russian-language plan's truth, drawn at random, for the damage harness (`damage.py`) to lay out.

The words are those of the anti-corruption and open-government plans of Russian-speaking governments:
activities that open on a verbal noun ("Обеспечение ...", "Внедрение ..."), results as forms of completion
("Приказ министерства"), ministry names whose series holds a comma ("Министерство цифрового развития,
инноваций и аэрокосмической промышленности"), bodies in lower case ("местные исполнительные органы"),
periods as quarters, half-years, dates or words ("ежегодно", "постоянно").
"""
from __future__ import annotations

import random

from damage import WIDTHS, Layout

AGENCIES = ("Министерство финансов", "Министерство юстиции",
            "Министерство цифрового развития, инноваций и аэрокосмической промышленности",
            "Агентство по делам государственной службы", "Бюро национальной статистики", "Генеральная прокуратура",
            "местные исполнительные органы", "Высшая аудиторская палата", "Министерство национальной экономики",
            "Агентство по противодействию коррупции", "Министерство информации и общественного развития",
            "Верховный суд")
OPENINGS = ("Обеспечение", "Внедрение", "Проведение", "Разработка", "Организация", "Размещение",
            "Совершенствование", "Создание")
OBJECTS = ("публикации отчетов об исполнении республиканского бюджета в машиночитаемом формате",
           "открытого реестра государственных закупок с возможностью выгрузки данных",
           "публичных обсуждений проектов нормативных правовых актов с участием граждан и экспертного сообщества",
           "стандарта открытых данных для государственных органов и организаций квазигосударственного сектора",
           "обучения государственных служащих по вопросам доступа к информации",
           "сведений о вакансиях и результатах конкурсов на едином портале",
           "механизма обратной связи с населением по вопросам качества государственных услуг",
           "мониторинга исполнения обращений физических и юридических лиц")
RESULTS = ("Информация в Правительство", "Приказ министерства", "Отчет на интернет-портале открытых данных",
           "Постановление Правительства", "Совместный приказ", "Информация в Администрацию Президента")
PERIODS = (("IV квартал 2023 года", 2023, 2023), ("ежегодно", None, None), ("2023-2025 годы", 2023, 2025),
           ("декабрь 2024 года", 2024, 2024), ("II полугодие 2024 года", 2024, 2024), ("постоянно", None, None),
           ("2024 год", 2024, 2024), ("1 июля 2025 года", 2025, 2025))
SECTIONS = ("Открытые бюджеты", "Открытые данные и цифровое правительство", "Открытый парламент и суды",
            "Вовлечение граждан в процесс принятия решений", "Противодействие коррупции в государственных закупках")
LABELS = {"number": "№ п/п", "title": "Наименование мероприятия", "indicator": "Форма завершения",
          "agencies": "Ответственные исполнители", "period": "Срок исполнения"}


def russian_truth(seed: int) -> dict:
    """A plan of 3 to 5 sections of 3 to 7 activities, in the format of the shared golds."""
    rng = random.Random(f"russian {seed}")
    activities, sections = [], []
    for number, title in enumerate(SECTIONS[: rng.randint(3, 5)], start=1):
        sections.append({"section_no": number, "title": title})
        for k in range(1, rng.randint(4, 8)):
            text = f"{rng.choice(OPENINGS)} {rng.choice(OBJECTS)}"
            if rng.random() < 0.4:
                text += f" и {rng.choice(OBJECTS)}"
            bodies = rng.sample(AGENCIES, rng.randint(1, 4))
            period, start, end = rng.choice(PERIODS)
            activities.append({"activity_id": f"{number}.{k}", "section_no": number, "section_title": title,
                               "title": text, "indicator": rng.choice(RESULTS),
                               "implementers": [{"key": body, "mention": body} for body in bodies],
                               "recommended_to": [], "period": period, "start_year": start, "end_year": end})
    return {"plan_id": f"ru-{seed}",
            "title": "План мероприятий по реализации концепции открытого правительства на 2023-2025 годы",
            "sections": sections, "activities": activities,
            "entities": {body: {"kind": "body", "name": body, "spellings": [body]} for body in AGENCIES}}


def russian_layout(seed: int, indicators: bool = True) -> Layout:
    """Five columns in the usual order under Russian labels (four without `indicators`), agency cells
    printing no role label."""
    rng = random.Random(seed)
    columns = ("number", "title", *(("indicator",) if indicators else ()), "agencies", "period")
    widths = tuple(rng.randint(*WIDTHS[column]) for column in columns)
    return Layout(widths, rng.uniform(2.6, 3.4), rng.randint(34, 48),
                  rng.randint(widths[0] + widths[1] - 6, widths[0] + widths[1] + 12), rng.choice((0, 1)),
                  0.5, False, columns, tuple(LABELS[column] for column in columns), (), 1.0)
