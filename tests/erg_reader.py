"""Reading ERG and MRC files the way GoldenCheetah does (src/Train/ErgFile.cpp,
ErgFile::parseComputrainer, in the repository fetched at /work/.mirror/GoldenCheetah+
GoldenCheetah), sharing no code with wodc: the same regular expressions, tried in the same
order, with the same arithmetic. Line numbers are those of ErgFile.cpp."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# :508-513, section markers, found anywhere in a line (Qt's exactMatch of ^.*[...].*$)
START_HEADER = re.compile(r"^.*\[COURSE HEADER\].*$", re.I)
END_HEADER = re.compile(r"^.*\[END COURSE HEADER\].*$", re.I)
START_DATA = re.compile(r"^.*\[COURSE DATA\].*$", re.I)
END_DATA = re.compile(r"^.*\[END COURSE DATA\].*$", re.I)
START_TEXT = re.compile(r"^.*\[COURSE TEXT\].*$", re.I)
END_TEXT = re.compile(r"^.*\[END COURSE TEXT\].*$", re.I)
IGNORE = re.compile(r"^(;.*|[ \t\n]*)$", re.I)                                   # :515
SETTINGS = re.compile(r"^([^=]*)=[ \t]*([^=\n\r\t]*).*$", re.I)                   # :517
ERG_FORMAT = re.compile(r"^[;]*(MINUTES[ \t]+WATTS).*$", re.I)                   # :520
MRC_FORMAT = re.compile(r"^[;]*(MINUTES[ \t]+(PERCENT|FTP)).*$", re.I)           # :521
ABSOLUTE = re.compile(r"^[ \t]*([0-9\.]+)[ \t]*([0-9\.]+)[ \t\n]*$", re.I)        # :525
RELATIVE = re.compile(r"^[ \t]*([0-9\.]+)[ \t]*([0-9\.]+)%[ \t\n]*$", re.I)       # :526
LAP = re.compile(r"^[ \t]*([0-9\.]+)[ \t]*LAP[ \t\n]*(.*)$", re.I)                # :533
TEXT_CUE = re.compile(r"^([0-9\.]+)[ \t]*(.*)[ \t]([0-9]+)[ \t\n]*$", re.I)       # :545


@dataclass
class ErgFile:
    valid: bool = False
    format: str = "erg"
    settings: dict[str, str] = field(default_factory=dict)
    points: list[tuple[float, int]] = field(default_factory=list)  # (ms, watts for rider CP)
    texts: list[tuple[float, str, int]] = field(default_factory=list)  # (ms, text, seconds)


def read(data: bytes, cp: float) -> ErgFile:
    """The file as GoldenCheetah loads it for a rider whose CP (FTP) is `cp` watts."""
    erg = ErgFile()
    section = "none"
    ftp = 0
    # :558-561: lines split on '\n' (readLine) and then on '\r'
    for line in (part for raw in data.decode("utf-8").split("\n") for part in raw.split("\r")):
        if START_HEADER.fullmatch(line):
            section = "settings"
        elif END_HEADER.fullmatch(line):
            section = "none"
        elif START_DATA.fullmatch(line):
            section = "data"
        elif END_DATA.fullmatch(line):
            section = "end"
        elif START_TEXT.fullmatch(line):
            section = "texts"
        elif END_TEXT.fullmatch(line):
            section = "end"
        elif ERG_FORMAT.fullmatch(line):
            erg.format = "erg"
        elif MRC_FORMAT.fullmatch(line):
            erg.format = "mrc"
        elif LAP.fullmatch(line):
            pass
        elif match := SETTINGS.fullmatch(line):
            key, value = match.group(1).strip().upper(), match.group(2)
            erg.settings[key] = value
            if key == "FTP":  # :641-642, QString::toInt
                ftp = int(value) if value.strip().isdigit() else 0
        elif match := ABSOLUTE.fullmatch(line):
            x = float(match.group(1)) * 60000  # :648, minutes to milliseconds
            y = _qt_round(float(match.group(2)))  # :649, round()
            if erg.format == "erg" and ftp and ftp != cp:  # :654-658
                y = int(_qt_round(y * cp / ftp))
            elif erg.format == "mrc":  # :661-664: a percent of CP, truncated
                y = int(y * cp / 100.0)
            erg.points.append((x, y))
        elif match := RELATIVE.fullmatch(line):
            erg.points.append((float(match.group(1)) * 60000,
                               int(float(match.group(2)) / 100.0 * cp)))  # :677-679
        elif IGNORE.fullmatch(line):
            pass
        elif section == "texts" and (match := TEXT_CUE.fullmatch(line)):
            erg.texts.append((float(match.group(1)) * 1000, match.group(2).strip(),
                              int(match.group(3))))  # :709-712
    erg.valid = section == "end" and bool(erg.points)  # :725
    return erg


def _qt_round(value: float) -> int:
    """std::round: halves away from zero."""
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)
