"""Who a generated agency is: its kind and name, address, phones, e-mail, executives and internal units."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

PLACES = ["หนองบัว", "บ้านนาดี", "ท่าช้าง", "โนนสูง", "ดอนแก้ว", "หนองแวง", "โคกสะอาด", "นาคำ", "ห้วยทราย", "บ้านใหม่",
          "ทุ่งโพธิ์", "วังน้ำเย็น", "หนองหญ้าปล้อง", "คลองขุด", "บางพระ", "เขาดิน", "ป่าตาล", "แม่สาย", "สันทราย", "ท่าศาลา",
          "โพนทอง", "นาหว้า", "หัวฝาย", "ดงมะไฟ", "เมืองเก่า", "ทับกวาง", "นาเชือก", "ศรีสำราญ", "หนองกุง", "ไร่ขิง"]
PROVINCES = [("ขอนแก่น", "40"), ("อุดรธานี", "41"), ("เลย", "42"), ("บุรีรัมย์", "31"), ("นครราชสีมา", "30"),
             ("เชียงใหม่", "50"), ("ลำปาง", "52"), ("พิษณุโลก", "65"), ("นครศรีธรรมราช", "80"), ("สุราษฎร์ธานี", "84"),
             ("ชลบุรี", "20"), ("ราชบุรี", "70"), ("สระแก้ว", "27"), ("ร้อยเอ็ด", "45"), ("ศรีสะเกษ", "33"), ("แพร่", "54")]
DISTRICTS = ["เมือง", "บ้านไผ่", "ชุมแพ", "พล", "ภูกระดึง", "วังสะพุง", "ลำปลายมาศ", "ปักธงชัย", "สันกำแพง", "เกาะคา",
             "วังทอง", "ทุ่งสง", "พุนพิน", "บางละมุง", "โพธาราม", "วัฒนานคร", "เสลภูมิ", "กันทรลักษ์", "เด่นชัย"]
FIRST_M = ["สมชาย", "วิชัย", "ประเสริฐ", "สุรชัย", "อนันต์", "บุญมี", "ทองดี", "สมบัติ", "ชาญวิทย์", "ณรงค์", "ไพโรจน์", "สุเทพ",
           "ธีระ", "พิชิต", "เกรียงไกร", "วีระพงษ์", "อุดม", "ประยูร"]
FIRST_F = ["สุดา", "มาลี", "วันเพ็ญ", "จันทร์เพ็ญ", "กาญจนา", "รัตนา", "พรทิพย์", "สุภาพร", "นงลักษณ์", "อรุณี", "ปราณี", "ศิริพร"]
SURNAMES = ["ใจดี", "แสงทอง", "ศรีสุข", "บุญมา", "ทองคำ", "พรหมมา", "สุขสวัสดิ์", "วงศ์ใหญ่", "ศรีงาม", "คำภา", "ไชยวงศ์",
            "จันทร์แก้ว", "มณีรัตน์", "สิงห์ทอง", "กลางประพันธ์", "แป้นซื่อ", "เกิดชนะ", "นิ่มนวล", "ภูผาทอง", "ดวงแก้ว"]
DOMAIN_WORDS = ["nongbua", "bannadee", "thachang", "nonsung", "donkaew", "nongwaeng", "khoksaat", "nakham", "huaisai",
                "banmai", "thungpho", "wangnamyen", "nongyapong", "khlongkhut", "bangphra", "khaodin", "pattan", "maesai",
                "sansai", "thasala", "phonthong", "nawa", "huafai", "dongmafai", "muangkao", "thapkwang", "nachueak",
                "sisamran", "nongkung", "raikhing"]


@dataclass
class Person:
    name: str
    position: str
    phone: str


@dataclass
class Agency:
    kind: str  # lao | school | hospital
    name: str
    short: str
    head_title: str  # the chief executive's position
    place: str
    district: str
    province: str
    address: str
    phone: str
    fax: str
    email: str
    domain: str
    line: str
    facebook: str
    executives: list[Person] = field(default_factory=list)
    units: list[tuple[str, str]] = field(default_factory=list)  # (unit, head position)
    complaint_unit: str = ""


def _person(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"นาย{rng.choice(FIRST_M)} {rng.choice(SURNAMES)}"
    return f"{rng.choice(['นาง', 'นางสาว'])}{rng.choice(FIRST_F)} {rng.choice(SURNAMES)}"


def _mobile(rng: random.Random) -> str:
    return f"0{rng.choice('689')}{rng.randrange(1, 10)}-{rng.randrange(100, 1000)}-{rng.randrange(1000, 10000)}"


def make_agency(rng: random.Random, kind: str) -> Agency:
    n = rng.randrange(len(PLACES))
    place, word = PLACES[n], DOMAIN_WORDS[n]
    province, zip_prefix = rng.choice(PROVINCES)
    district = rng.choice(DISTRICTS)
    zipcode = f"{zip_prefix}{rng.randrange(100, 300)}"
    moo = rng.randrange(1, 15)
    if kind == "lao":
        if rng.random() < 0.6:
            name, short, head = f"องค์การบริหารส่วนตำบล{place}", f"อบต.{place}", f"นายกองค์การบริหารส่วนตำบล{place}"
            deputies = ["รองนายกองค์การบริหารส่วนตำบล", "รองนายกองค์การบริหารส่วนตำบล", "เลขานุการนายกองค์การบริหารส่วนตำบล"]
            clerk = "ปลัดองค์การบริหารส่วนตำบล"
            domain = f"{word}.go.th" if rng.random() < 0.8 else f"{word}sao.go.th"
        else:
            size = rng.choice(["ตำบล", "ตำบล", "เมือง"])
            name, short, head = f"เทศบาล{size}{place}", f"ทต.{place}" if size == "ตำบล" else f"ทม.{place}", f"นายกเทศมนตรี{size}{place}"
            deputies = ["รองนายกเทศมนตรี", "รองนายกเทศมนตรี", "เลขานุการนายกเทศมนตรี"]
            clerk = "ปลัดเทศบาล"
            domain = f"{word}city.go.th" if size == "เมือง" else f"{word}.go.th"
        address = f"เลขที่ {rng.randrange(1, 300)} หมู่ที่ {moo} ตำบล{place} อำเภอ{district} จังหวัด{province} {zipcode}"
        units = [("สำนักปลัด", "หัวหน้าสำนักปลัด"), ("กองคลัง", "ผู้อำนวยการกองคลัง"), ("กองช่าง", "ผู้อำนวยการกองช่าง"),
                 ("กองการศึกษา ศาสนาและวัฒนธรรม", "ผู้อำนวยการกองการศึกษา"),
                 ("กองสาธารณสุขและสิ่งแวดล้อม", "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม"), ("หน่วยตรวจสอบภายใน", "นักวิชาการตรวจสอบภายใน")]
        units = units[:rng.randrange(4, 7)]
        positions = [head, *deputies[:rng.randrange(2, 4)], clerk]
        complaint_unit = "สำนักปลัด"
    elif kind == "school":
        sname = rng.choice([f"บ้าน{place}", f"{place}วิทยา", f"{place}พิทยาคม", f"ชุมชน{place}"])
        name, short, head = f"โรงเรียน{sname}", f"รร.{sname}", f"ผู้อำนวยการโรงเรียน{sname}"
        address = f"เลขที่ {rng.randrange(1, 300)} หมู่ {moo} ตำบล{place} อำเภอ{district} จังหวัด{province} {zipcode}"
        units = [("กลุ่มบริหารวิชาการ", "รองผู้อำนวยการกลุ่มบริหารวิชาการ"), ("กลุ่มบริหารงบประมาณ", "หัวหน้ากลุ่มบริหารงบประมาณ"),
                 ("กลุ่มบริหารงานบุคคล", "หัวหน้ากลุ่มบริหารงานบุคคล"), ("กลุ่มบริหารทั่วไป", "หัวหน้ากลุ่มบริหารทั่วไป")]
        positions = [head, "รองผู้อำนวยการโรงเรียน", "รองผู้อำนวยการกลุ่มบริหารวิชาการ"][:rng.randrange(2, 4)]
        domain = f"{word}school.ac.th" if rng.random() < 0.5 else f"{word}.ac.th"
        complaint_unit = "กลุ่มบริหารทั่วไป"
    else:
        if rng.random() < 0.7:
            name, short, head = f"โรงพยาบาล{district}", f"รพ.{district}", f"ผู้อำนวยการโรงพยาบาล{district}"
        else:
            name, short, head = (f"โรงพยาบาลส่งเสริมสุขภาพตำบล{place}", f"รพ.สต.{place}",
                                 f"ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบล{place}")
        address = f"เลขที่ {rng.randrange(1, 300)} หมู่ {moo} ตำบล{place} อำเภอ{district} จังหวัด{province} {zipcode}"
        units = [("กลุ่มงานบริหารทั่วไป", "หัวหน้ากลุ่มงานบริหารทั่วไป"), ("กลุ่มงานการพยาบาล", "หัวหน้าพยาบาล"),
                 ("กลุ่มงานเภสัชกรรมและคุ้มครองผู้บริโภค", "หัวหน้ากลุ่มงานเภสัชกรรม"),
                 ("กลุ่มงานเทคนิคการแพทย์", "หัวหน้ากลุ่มงานเทคนิคการแพทย์"),
                 ("กลุ่มงานบริการด้านปฐมภูมิและองค์รวม", "หัวหน้ากลุ่มงานบริการด้านปฐมภูมิ")]
        units = units[:rng.randrange(3, 6)]
        positions = [head, "รองผู้อำนวยการฝ่ายการแพทย์", "รองผู้อำนวยการฝ่ายบริหาร"][:rng.randrange(2, 4)]
        domain = f"{word}hospital.go.th" if rng.random() < 0.5 else f"{word}hos.go.th"
        complaint_unit = "กลุ่มงานบริหารทั่วไป"
    area = rng.randrange(2, 8)
    phone = f"0-{area}{rng.randrange(100, 1000)}-{rng.randrange(1000, 10000)}"
    fax = f"0-{area}{rng.randrange(100, 1000)}-{rng.randrange(1000, 10000)}"
    email = rng.choice(["saraban", "info", "admin", "contact", word]) + "@" + domain
    executives = [Person(_person(rng), pos, _mobile(rng)) for pos in positions]
    return Agency(kind, name, short, head, place, district, province, address, phone, fax, email, domain,
                  f"@{word}{rng.randrange(10, 99)}", f"https://www.facebook.com/{word}.{rng.randrange(1000, 9999)}",
                  executives, units, complaint_unit)
