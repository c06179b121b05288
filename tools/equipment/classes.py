# ruff: noqa: E501  (data tables: one entry per line reads better than wrapped)
"""Class words as the press uses them (read by tools/build_equipment.py, never at run time).

key: (class_normalised (an Oryx category or a plain class), official category id or "", means class or "",
      English, Ukrainian, Russian words; ";"-separated). Cyrillic words are inflected at build time
(pymorphy3, the head noun and the adjectives before it agree); English words get their plural.
"""
from __future__ import annotations

CLASSES: dict[str, tuple[str, str, str, str, str, str]] = {
    "tank": ("Tanks", "tanks", "", "tank;battle tank;main battle tank;MBT", "танк", "танк"),
    "apc": ("Armoured Personnel Carriers", "armoured_vehicles", "",
            "armoured personnel carrier;armored personnel carrier;APC;APV;personnel carrier;BTR",
            "бронетранспортер;БТР", "бронетранспортёр;бронетранспортер;БТР"),
    "ifv": ("Infantry Fighting Vehicles", "armoured_vehicles", "",
            "infantry fighting vehicle;IFV;armoured infantry vehicle;BMP",
            "бойова машина піхоти;БМП", "боевая машина пехоты;БМП"),
    "afv": ("Armoured Fighting Vehicles", "armoured_vehicles", "",
            "armoured vehicle;armored vehicle;armoured fighting vehicle;armored fighting vehicle;AFV;"
            "armoured combat vehicle;armored combat vehicle",
            "бойова броньована машина;ББМ;броньована машина;бронемашина;бронетехніка",
            "боевая бронированная машина;ББМ;бронированная машина;бронемашина;бронетехника"),
    "mrap": ("Mine-Resistant Ambush Protected", "armoured_vehicles", "", "MRAP", "MRAP", "MRAP"),
    "imv": ("Infantry Mobility Vehicles", "armoured_vehicles", "", "infantry mobility vehicle;armoured car",
            "броньований автомобіль;бронеавтомобіль", "бронированный автомобиль;бронеавтомобиль"),
    "sam": ("Surface-To-Air Missile Systems", "air_defence", "",
            "air defence system;air defense system;anti-aircraft missile complex;anti-aircraft missile system;"
            "surface-to-air missile system;surface-to-air missile complex;SAM system;SAM;air defence complex;"
            "air defense complex;anti-aircraft system;anti-aircraft missile launcher;air defence unit;"
            "air defense unit;air defence launcher",
            "зенітний ракетний комплекс;ЗРК;засіб ППО;комплекс ППО;система ППО;зенітний комплекс;"
            "зенітна ракетна система;установка ППО",
            "зенитный ракетный комплекс;ЗРК;средство ПВО;комплекс ПВО;система ПВО;зенитный комплекс;"
            "зенитная ракетная система;установка ПВО"),
    "spaag": ("Self-Propelled Anti-Aircraft Guns", "air_defence", "",
              "anti-aircraft gun;self-propelled anti-aircraft gun;SPAAG",
              "зенітна установка;зенітна самохідна установка", "зенитная установка;зенитная самоходная установка"),
    "sp_gun": ("Self-Propelled Artillery", "artillery", "artillery",
               "self-propelled gun;self-propelled howitzer;SPG;self-propelled artillery;self-propelled artillery system",
               "самохідна артилерійська установка;САУ;самохідна гаубиця",
               "самоходная артиллерийская установка;САУ;самоходная гаубица"),
    "howitzer": ("Towed Artillery", "artillery", "artillery", "howitzer;towed howitzer;field gun;cannon",
                 "гаубиця;гармата", "гаубица;пушка;орудие"),
    "artillery": ("Artillery", "artillery", "artillery",
                  "artillery system;artillery piece;artillery;artillery gun;artillery installation",
                  "артилерійська система;артсистема;артилерія;артилерійська установка",
                  "артиллерийская система;артсистема;артиллерия;артиллерийская установка"),
    "mortar": ("Towed Artillery", "artillery", "artillery", "mortar", "міномет", "миномёт;миномет"),
    "mlrs": ("Rocket and Missile Artillery", "mlrs", "mlrs",
             "MLRS;multiple rocket launcher;multiple launch rocket system;rocket launcher;MRL;"
             "multiple rocket launch system",
             "РСЗВ;реактивна система залпового вогню", "РСЗО;реактивная система залпового огня"),
    "aircraft": ("Aircraft", "aircraft", "aircraft",
                 "aircraft;fighter jet;jet;plane;warplane;bomber;fighter aircraft;attack aircraft;fighter-bomber",
                 "літак;винищувач;бомбардувальник", "самолёт;самолет;истребитель;бомбардировщик"),
    "helicopter": ("Helicopters", "helicopters", "helicopter", "helicopter;chopper;gunship;attack helicopter",
                   "гелікоптер;вертоліт", "вертолёт;вертолет"),
    "uav": ("Unmanned Aerial Vehicles", "uav", "drone",
            "drone;UAV;unmanned aerial vehicle;reconnaissance drone;attack drone;strike drone;combat drone",
            "дрон;безпілотник;БпЛА;БПЛА;безпілотний літальний апарат;ударний дрон",
            "дрон;беспилотник;БПЛА;БпЛА;беспилотный летательный аппарат;ударный дрон"),
    "kamikaze": ("Unmanned Aerial Vehicles", "uav", "loitering_munition",
                 "kamikaze drone;loitering munition;suicide drone;kamikaze UAV;drone-kamikaze",
                 "дрон-камікадзе;безпілотник-камікадзе;баражуючий боєприпас;камікадзе",
                 "дрон-камикадзе;беспилотник-камикадзе;барражирующий боеприпас;камикадзе"),
    "fpv": ("Unmanned Aerial Vehicles", "uav", "fpv_drone", "FPV drone;FPV;first-person-view drone;first-person view drone;FPV-drone;FPV kamikaze drone",
            "FPV-дрон;FPV;ФПВ;дрон FPV;ФПВ-дрон", "FPV-дрон;FPV;ФПВ;дрон FPV;ФПВ-дрон"),
    # a loss of a "boat" when it is destroyed (the official "warships / boats"), a means when it strikes
    "naval_drone": ("Naval drones", "warships", "naval_drone",
                    "naval drone;sea drone;marine drone;unmanned surface vessel;USV;maritime drone;uncrewed boat;"
                    "unmanned boat;drone boat;uncrewed surface vessel",
                    "морський дрон;безекіпажний катер;морський безпілотник",
                    "морской дрон;безэкипажный катер;морской беспилотник"),
    "ship": ("Naval Ships and Submarines", "warships", "",
             "warship;ship;boat;vessel;corvette;frigate;landing ship;patrol boat;cruiser;minesweeper;missile boat;"
             "missile ship;patrol ship;large landing ship;missile cruiser",
             "корабель;катер;фрегат;корвет;десантний корабель;крейсер;тральщик;ракетний катер;патрульний корабель;"
             "великий десантний корабель;ракетний корабель",
             "корабль;катер;фрегат;корвет;десантный корабль;крейсер;тральщик;ракетный катер;патрульный корабль;"
             "большой десантный корабль;ракетный корабль"),
    "submarine": ("Naval Ships and Submarines", "submarines", "", "submarine",
                  "підводний човен;субмарина", "подводная лодка;субмарина"),
    "truck": ("Trucks, Vehicles and Jeeps", "vehicles_fuel_tanks", "",
              "truck;lorry;fuel tanker;fuel truck;military vehicle;military truck;fuel tank",
              "вантажівка;автомобіль;автоцистерна;бензовоз;паливозаправник",
              "грузовик;автомобиль;автоцистерна;бензовоз;топливозаправщик"),
    "radar": ("Radars", "special_equipment", "", "radar;radar station;radar system",
              "радіолокаційна станція;РЛС;радар", "радиолокационная станция;РЛС;радар"),
    "ew": ("Jammers And Deception Systems", "special_equipment", "",
           "electronic warfare system;EW system;jammer;EW station;electronic warfare station",
           "засіб РЕБ;станція РЕБ;комплекс РЕБ;РЕБ", "станция РЭБ;комплекс РЭБ;РЭБ;средство РЭБ"),
    "comms": ("Command Posts And Communications Stations", "special_equipment", "",
              "retransmitter;repeater;relay station;communications station;radio station",
              "ретранслятор;станція зв'язку;радіостанція", "ретранслятор;станция связи;радиостанция"),
    "command_post": ("Command Posts And Communications Stations", "special_equipment", "", "command post",
                     "командний пункт", "командный пункт"),
    "launcher": ("launcher", "", "", "launcher;missile launcher;launch vehicle",
                 "пускова установка", "пусковая установка"),
    "missile": ("missile", "", "missile", "missile;rocket;ballistic missile;guided missile",
                "ракета;балістична ракета", "ракета;баллистическая ракета"),
    "cruise_missile": ("cruise missile", "cruise_missiles", "missile", "cruise missile",
                       "крилата ракета", "крылатая ракета"),
    "atgm": ("Self-Propelled Anti-Tank Missile Systems", "", "atgm",
             "ATGM;anti-tank missile;anti-tank guided missile;anti-tank missile system",
             "ПТРК;протитанковий ракетний комплекс;протитанкова ракета",
             "ПТРК;противотанковый ракетный комплекс;противотанковая ракета"),
    "mine": ("mine", "", "mine", "mine;landmine;anti-tank mine;anti-personnel mine",
             "міна;протитанкова міна;протипіхотна міна", "мина;противотанковая мина;противопехотная мина"),
    "small_arms": ("small arms", "", "small_arms", "small arms;sniper rifle;machine gun;rifle;small-arms fire",
                   "стрілецька зброя;кулемет;снайперська гвинтівка",
                   "стрелковое оружие;пулемёт;пулемет;снайперская винтовка"),
}

# How the press names the class of a model (for lookup and the mention's default): key → en, uk, ru.
PRESS_CLASS: dict[str, tuple[str, str, str]] = {
    "tank": ("tank", "танк", "танк"),
    "apc": ("APC", "БТР", "БТР"),
    "ifv": ("IFV", "БМП", "БМП"),
    "afv": ("armoured vehicle", "ББМ", "ББМ"),
    "mrap": ("MRAP", "бронеавтомобіль", "бронеавтомобиль"),
    "imv": ("armoured car", "бронеавтомобіль", "бронеавтомобиль"),
    "sam": ("anti-aircraft missile complex", "ЗРК", "ЗРК"),
    "spaag": ("anti-aircraft gun", "зенітна установка", "зенитная установка"),
    "sp_gun": ("self-propelled howitzer", "САУ", "САУ"),
    "howitzer": ("howitzer", "гаубиця", "гаубица"),
    "mlrs": ("MLRS", "РСЗВ", "РСЗО"),
    "aircraft": ("aircraft", "літак", "самолёт"),
    "helicopter": ("helicopter", "гелікоптер", "вертолёт"),
    "uav": ("drone", "безпілотник", "беспилотник"),
    "ship": ("warship", "корабель", "корабль"),
    "submarine": ("submarine", "підводний човен", "подводная лодка"),
    "truck": ("truck", "вантажівка", "грузовик"),
    "radar": ("radar", "РЛС", "РЛС"),
    "ew": ("EW system", "засіб РЕБ", "средство РЭБ"),
    "comms": ("Command Posts And Communications Stations", "special_equipment", "",
              "retransmitter;repeater;relay station;communications station;radio station",
              "ретранслятор;станція зв'язку;радіостанція", "ретранслятор;станция связи;радиостанция"),
    "command_post": ("command vehicle", "командно-штабна машина", "командно-штабная машина"),
}

# Phrases that contain a class word but name no equipment: matched (longest wins) and then dropped.
STOP: dict[str, str] = {
    "en": "think tank;think-tank;septic tank;water tank;fish tank;gas tank;tank top;jet stream;jet lag;mine of;"
          "coal mine;salt mine;gold mine;mining;land mines ban;boat people;the artillery of;rocket science;"
          "rocket scientist;mother ship;relationship;friendship;ownership;cannon fodder;loose cannon",
    "uk": "танк думок;аналітичний центр;гарматне м'ясо;гарматним м'ясом",
    "ru": "мозговой центр;пушечное мясо;пушечным мясом",
}
