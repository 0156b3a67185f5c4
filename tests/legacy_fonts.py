"""Vietnamese text as the legacy font encodings store it (not a test module), to build the
workbooks an officer's old templates produce. The tables are those converters use
(duydev/vietnamese-conversion, src/charsets.ts): each Unicode letter and its TCVN3 (ABC) and VNI
spelling, in the same order."""

from __future__ import annotations


def _spellings(table: str) -> list[str]:
    return table.split()


UNICODE = (
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊ"
    "ịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ"
)
VNI = _spellings(
    "AØ AÙ AÂ AÕ EØ EÙ EÂ Ì Í OØ OÙ OÂ OÕ UØ UÙ YÙ aø aù aâ aõ eø eù eâ ì í oø où oâ oõ uø uù "
    "yù AÊ aê Ñ ñ Ó ó UÕ uõ Ô ô Ö ö AÏ aï AÛ aû AÁ aá AÀ aà AÅ aå AÃ aã AÄ aä AÉ aé AÈ aè AÚ "
    "aú AÜ aü AË aë EÏ eï EÛ eû EÕ eõ EÁ eá EÀ eà EÅ eå EÃ eã EÄ eä Æ æ Ò ò OÏ oï OÛ oû OÁ oá "
    "OÀ oà OÅ oå OÃ oã OÄ oä ÔÙ ôù ÔØ ôø ÔÛ ôû ÔÕ ôõ ÔÏ ôï UÏ uï UÛ uû ÖÙ öù ÖØ öø ÖÛ öû ÖÕ "
    "öõ ÖÏ öï YØ yø Î î YÛ yû YÕ yõ"
)
TCVN3 = _spellings(
    "Aµ A¸ ¢ A· EÌ EÐ £ I× IÝ Oß Oã ¤ Oâ Uï Uó Yý µ ¸ © · Ì Ð ª × Ý ß ã « â ï ó ý ¡ ¨ § ® IÜ "
    "Ü Uò ò ¥ ¬ ¦ \xad A¹ ¹ A¶ ¶ ¢Ê Ê ¢Ç Ç ¢È È ¢É É ¢Ë Ë ¡¾ ¾ ¡» » ¡¼ ¼ ¡½ ½ ¡Æ Æ EÑ Ñ EÎ Î "
    "EÏ Ï £Õ Õ £Ò Ò £Ó Ó £Ô Ô £Ö Ö IØ Ø IÞ Þ Oä ä Oá á ¤è è ¤å å ¤æ æ ¤ç ç ¤é é ¥í í ¥ê ê ¥ë "
    "ë ¥ì ì ¥î î Uô ô Uñ ñ ¦ø ø ¦õ õ ¦ö ö ¦÷ ÷ ¦ù ù Yú ú Yþ þ Yû û Yü ü"
)
assert len(UNICODE) == len(VNI) == len(TCVN3) == 134

_TO_TCVN3 = dict(zip(UNICODE, TCVN3, strict=True))
_TO_VNI = dict(zip(UNICODE, VNI, strict=True))


def to_tcvn3(text: str) -> str:
    """`text` as a TCVN3 (ABC) font stores it, read back as Unicode code points."""
    return "".join(_TO_TCVN3.get(ch, ch) for ch in text)


def to_vni(text: str) -> str:
    """`text` as a VNI font stores it, read back as Unicode code points."""
    return "".join(_TO_VNI.get(ch, ch) for ch in text)
