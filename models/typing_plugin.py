"""Table classes as a type checker should see them: `Document.id` in a query is a column.

SQLModel declares a field with the type of its value (`id: int | None`), which is what an
instance holds; on the class, SQLAlchemy puts an InstrumentedAttribute there, and that is
what queries use (`Document.id.in_(ids)`, `select(Document.id)`, `Stance.set_id == 3`).
mypy loads this plugin (see pyproject.toml) and gives the fields of the table classes in
models.tables that type when read from the class, so queries are checked as written. A
primary key is declared `int | None` (None: the database assigns it) but never reads back
as None, so its column type leaves None out. It is used by the type checker only; nothing
imports it at run time.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import AssignmentStmt, CallExpr, MypyFile, NameExpr, TypeInfo, Var
from mypy.plugin import AttributeContext, ClassDefContext, Plugin
from mypy.types import Instance, Type
from mypy.types_utils import remove_optional

TABLES_MODULE = "models.tables"
SQLMODEL = "sqlmodel.main.SQLModel"
COLUMN = "sqlalchemy.orm.attributes.InstrumentedAttribute"
METADATA = "tawsim_tables"


class TableColumnsPlugin(Plugin):
    def get_base_class_hook(self, fullname: str) -> Callable[[ClassDefContext], None] | None:
        return _note_primary_keys if fullname == SQLMODEL else None

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        # the module defining the column type must be loaded wherever tables are used
        return [(10, COLUMN.rpartition(".")[0], -1)] if file.fullname == TABLES_MODULE else []

    def get_class_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        class_name, _, attribute = fullname.rpartition(".")
        if not class_name.startswith(TABLES_MODULE + "."):
            return None
        found = self.lookup_fully_qualified(class_name)
        info = found.node if found is not None else None
        if not isinstance(info, TypeInfo) or not info.has_base(SQLMODEL):
            return None
        field = info.names.get(attribute)
        if field is None or not isinstance(field.node, Var) or field.node.is_classvar:
            return None
        column = self.lookup_fully_qualified(COLUMN)
        if column is None or not isinstance(column.node, TypeInfo):
            return None
        column_info = column.node
        primary_key = attribute in info.metadata.get(METADATA, {}).get("primary_keys", ())

        def as_column(ctx: AttributeContext) -> Type:
            value = ctx.default_attr_type
            return Instance(column_info, [remove_optional(value) if primary_key else value])

        return as_column


def _note_primary_keys(ctx: ClassDefContext) -> None:
    """Remember which fields the class body declares `Field(..., primary_key=True)` (the
    body is gone by the time attributes are checked; metadata is kept, and cached)."""
    keys = []
    for statement in ctx.cls.defs.body:
        if (
            isinstance(statement, AssignmentStmt)
            and isinstance(statement.lvalues[0], NameExpr)
            and isinstance(statement.rvalue, CallExpr)
            and any(
                name == "primary_key" and isinstance(arg, NameExpr) and arg.name == "True"
                for name, arg in zip(statement.rvalue.arg_names, statement.rvalue.args, strict=True)
            )
        ):
            keys.append(statement.lvalues[0].name)
    ctx.cls.info.metadata[METADATA] = {"primary_keys": keys}


def plugin(version: str) -> type[Plugin]:
    return TableColumnsPlugin
