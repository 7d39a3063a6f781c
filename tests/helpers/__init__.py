"""Builders shared by several test modules (importable as `helpers.*`: pytest puts tests/ on
sys.path because tests/conftest.py lives there and tests/ is not a package)."""
