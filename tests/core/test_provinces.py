"""Tests of the existing analysis.core.provinces: registry and name normalisation.

The scrambled labels are the province column of 002 Table 13 (water), lines 931-990, as the PDF
extraction printed them (words out of order and split, Arabic ي and ك).
"""
import pytest

from analysis.core import provinces as P
from analysis.core.digits import normalise_fa
from analysis.core.provinces import UnknownProvinceError

SEED_002_WATER_LABELS = [
    (931, "قيآذربايجان شر", "East Azerbaijan"),
    (933, "ربايجان غربيذآ", "West Azerbaijan"),
    (935, "اردبيل", "Ardabil"),
    (937, "اصفهان ", "Isfahan"),
    (939, "البرز ", "Alborz"),
    (941, "ايلام ", "Ilam"),
    (943, "بوشهر ", "Bushehr"),
    (945, "تهران ", "Tehran"),
    (947, "ال و بختياري رمحا هچ", "Chaharmahal and Bakhtiari"),
    (949, "نوبي ان جخراس ", "South Khorasan"),
    (951, "خراسان رضوي ", "Razavi Khorasan"),
    (953, "خراسان شمالي ", "North Khorasan"),
    (955, "ن خوزستا", "Khuzestan"),
    (957, "زنجان ", "Zanjan"),
    (959, "سمنان ", "Semnan"),
    (960, "چستان بلو  سيستان و", "Sistan and Baluchestan"),
    (962, "فارس ", "Fars"),
    (964, "قم", "Qom"),
    (966, "ن قزوي", "Qazvin"),
    (968, "كردستان ", "Kurdistan"),
    (970, "كرمان ", "Kerman"),
    (972, "كرمانشاه ", "Kermanshah"),
    (974, "كهگيلويه و بوير احمد ", "Kohgiluyeh and Boyer-Ahmad"),
    (976, "گلستان", "Golestan"),
    (978, "گيلان", "Gilan"),
    (980, "لرستان ", "Lorestan"),
    (982, "مازندران ", "Mazandaran"),
    (984, "مركزي ", "Markazi"),
    (986, "هرمزگان", "Hormozgan"),
    (988, "همدان ", "Hamadan"),
    (990, "ديز", "Yazd"),
]


def test_registry_shape():
    reg = P.registry()
    assert len(reg) == 31 and len(set(P.keys())) == 31
    assert len({p.iso for p in reg}) == 31 and len({p.fa for p in reg}) == 31
    assert all(p.iso.startswith("IR-") for p in reg)


@pytest.mark.parametrize("line, label, key", SEED_002_WATER_LABELS)
def test_seed_002_water_labels(line, label, key):
    assert P.to_key(label) == key, f"002 line {line}"


def test_water_labels_cover_all_provinces():
    assert sorted(k for _, _, k in SEED_002_WATER_LABELS) == sorted(P.keys())


@pytest.mark.parametrize("name, key", [
    ("سيستان و بلوچستان", "Sistan and Baluchestan"),  # Arabic yeh
    ("سیستان\u200cو\u200cبلوچستان", "Sistan and Baluchestan"),  # ZWNJ between words
    ("سیستان   و  بلوچستان", "Sistan and Baluchestan"),  # repeated spaces
    ("سیستانوبلوچستان", "Sistan and Baluchestan"),  # no spaces at all
    ("بلوچستان و سیستان", "Sistan and Baluchestan"),  # word order reversed
    ("سیستان بلوچستان", "Sistan and Baluchestan"),  # alias without "و"
    ("كرمانشاه", "Kermanshah"),  # Arabic kaf and yeh
    ("كرمان", "Kerman"),  # must not match Kermanshah
    ("کهگیلویه\u200cو\u200cبویراحمد", "Kohgiluyeh and Boyer-Ahmad"),
    ("آذربايجان شرقي", "East Azerbaijan"),
    ("اذربایجان غربی", "West Azerbaijan"),  # alef without madda
    ("خراسان جنوبي", "South Khorasan"),
    ("مركزي", "Markazi"),
    ("Hamedan", "Hamadan"),  # English alias
    ("  khuzestan ", "Khuzestan"),  # case and spaces
    ("IR-06", "Khuzestan"),  # ISO code
    ("ir-23", "Tehran"),
    ("sistan-and-baluchestan", "Sistan and Baluchestan"),  # slug
    ("Kohgiluyeh and Boyer-Ahmad", "Kohgiluyeh and Boyer-Ahmad"),
])
def test_to_key_variants(name, key):
    assert P.to_key(name) == key


def test_similar_names_stay_distinct():
    # Kerman / Kermanshah and the three Khorasans differ only by a word
    assert P.to_key("کرمان") != P.to_key("کرمانشاه")
    assert len({P.to_key(n) for n in ("خراسان رضوی", "خراسان شمالی", "خراسان جنوبی")}) == 3
    assert len({P.to_key(n) for n in ("آذربایجان شرقی", "آذربایجان غربی")}) == 2


def test_unknown_name_suggests_and_lists_keys():
    with pytest.raises(UnknownProvinceError) as e:
        P.to_key("Tehrn")
    msg = str(e.value)
    assert "unknown province 'Tehrn'" in msg and "did you mean: Tehran" in msg
    assert "Valid keys: East Azerbaijan" in msg and "Yazd" in msg
    assert isinstance(e.value, KeyError)


def test_unknown_persian_name_suggests():
    with pytest.raises(UnknownProvinceError, match="did you mean: .*Kermanshah"):
        P.to_key("کرمانشا")  # last letter missing


def test_unknown_without_suggestion():
    with pytest.raises(UnknownProvinceError, match=r"unknown province 'Atlantis';? Valid keys"):
        P.to_key("Atlantis")


@pytest.mark.parametrize("bad", ["", "   ", None, 5])
def test_empty_or_non_string(bad):
    with pytest.raises(UnknownProvinceError, match="non-empty string"):
        P.to_key(bad)


def test_get_and_validate_key():
    p = P.get("همدان")
    assert p.key == "Hamadan" and p.iso and p.in_programme("kaleh")
    assert P.validate_key("Khuzestan") == "Khuzestan"
    with pytest.raises(UnknownProvinceError, match="valid keys"):
        P.validate_key("خوزستان")  # validate_key accepts only exact English keys


def test_members_and_slug():
    assert [p.key for p in P.members("kaleh")] == ["Ilam", "Kermanshah", "Lorestan", "Hamadan"]  # 004 line 10
    with pytest.raises(KeyError, match="known programmes"):
        P.members("nope")
    assert P.get("Sistan and Baluchestan").slug == "sistan-and-baluchestan"


def test_normalise_fa():
    assert normalise_fa("سيستان  و\u200cبلوچستان") == "سیستان و بلوچستان"
    assert normalise_fa("كرمانشاه") == "کرمانشاه"
    assert normalise_fa("  تهران\n") == "تهران"
