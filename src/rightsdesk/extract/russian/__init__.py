"""Russian extraction: natasha's parse read with rule tables of the Russian language."""

from rightsdesk.extract.russian.parse import RussianNLP
from rightsdesk.extract.russian.reader import RussianReader

__all__ = ["RussianNLP", "RussianReader"]
