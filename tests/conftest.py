import pytest

from analysis.core import paths


@pytest.fixture(scope="session")
def seeds_available():
    if not paths.SEEDS.exists():
        pytest.skip(f"seed files not found at {paths.SEEDS} (../shared/seeds beside the repository); provenance tests skipped")
    return paths.SEEDS
