from tests.roles.fixtures import roles_setup, users  # noqa: F401
