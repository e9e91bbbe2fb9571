"""Results files written by Python's csv and codecs modules, not by the project's own writers (issue 11 §5).

Run once: `python3 scripts/gen-python-fixtures.py` (standard library only); the files are kept in
src/lib/ingest/fixtures/python/ and read by src/lib/ingest/python-fixtures.test.ts.

- us-dates.csv: months as Excel with US settings writes a date column to "CSV UTF-8" (m/d/yyyy, with a BOM,
  CRLF): one that could be either order is refused, the others are read.
- marks-out-of-order.csv: district names typed with their Thai marks out of order or twice, which look the
  same on screen, in Windows-874 (the Thai Windows code page Excel uses for plain "CSV").
"""
import codecs
import csv
import os

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'lib', 'ingest', 'fixtures', 'python')
HEADER = ['อำเภอ', 'ตัวชี้วัด', 'เดือน', 'ผล']


def write(name, rows, encoding):
    with codecs.open(os.path.join(OUT, name), 'w', encoding=encoding) as f:
        writer = csv.writer(f, lineterminator='\r\n')
        writer.writerow(HEADER)
        writer.writerows(rows)


write('us-dates.csv', [
    ['บางคล้า', 'T1', '6/1/2022', '1'],          # 6 January or 1 June: refused
    ['บางคล้า', 'T2', '6/15/2022', '2'],         # only June 15: read
    ['บางคล้า', 'I1', '6/30/2022 0:00', '3'],    # a date-time cell: June
    ['บางคล้า', 'I5', '7/7/2022', '4'],          # the same month either way: July
    ['บางคล้า', 'I9', '15/6/2022', '5'],         # day first, only one reading: June
    ['บางปะกง', 'T1', '1/6/2565', '6'],          # a BE year is day first (Thai): June 2565
    ['บางปะกง', 'T2', '06/07/2022', '3'],        # 6 July or 7 June: refused
], 'utf-8-sig')

write('marks-out-of-order.csv', [
    ['คลองเข\u0e48\u0e37อน', 'T1', '2565-06', '1'],            # tone before the vowel
    ['บ้านโพธ\u0e4c\u0e34', 'T1', '2565-06', '2'],             # thanthakhat before the vowel
    ['บางน้ำเปร\u0e49\u0e35ยว', 'T1', '2565-06', '3'],          # tone before the vowel
    ['บางคล\u0e49\u0e49า', 'T1', '2565-06', '4'],              # tone typed twice
    ['\u0e40\u0e40ปลงยาว', 'T1', '2565-06', '5'],              # two sara e for sara ae
    ['บางน\u0e4d\u0e49\u0e32เปรี้ยว', 'T2', '2565-06', '4'],    # sara am as nikhahit + tone + sara aa
], 'cp874')
