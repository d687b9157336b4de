"""What Wagtail's own migrations create in English gets a Russian name: the groups
«Moderators» and «Editors», their approval workflow and task, the root of the page tree
and the root collection. Only names still as Wagtail made them are changed: a school that
renamed them keeps its own.

After the last Wagtail migrations that look the two groups up by their English names."""

from django.db import migrations

# model label, English name Wagtail gives, Russian name; the field is `title` for pages
RENAMED = [
    ("auth.Group", "Moderators", "Модераторы"),
    ("auth.Group", "Editors", "Редакторы"),
    ("wagtailcore.Workflow", "Moderators approval", "Согласование модераторами"),
    ("wagtailcore.Task", "Moderators approval", "Согласование модераторами"),
    ("wagtailcore.Collection", "Root", "Общая коллекция"),
    ("wagtailcore.Page", "Root", "Все сайты"),
]


def _rename(apps, backwards: bool):
    for label, english, russian in RENAMED:
        old, new = (russian, english) if backwards else (english, russian)
        model = apps.get_model(label)
        if label == "wagtailcore.Page":
            model.objects.filter(depth=1, title=old).update(title=new, draft_title=new)
        elif label == "wagtailcore.Collection":
            model.objects.filter(depth=1, name=old).update(name=new)
        # A school may have made a group with the Russian name itself: never two of them.
        elif not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def to_russian(apps, schema_editor):
    _rename(apps, backwards=False)


def to_english(apps, schema_editor):
    _rename(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_images_from_wagtail"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(to_russian, to_english)]
