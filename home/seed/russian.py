# ruff: noqa: E501
"""Russian translation of every seed string: English source → Russian.

One entry per distinct English string; the loader looks up every segment wagtail-localize extracts
from the English pages and snippets here (state names come from the ``name_ru`` column of
participating-states.csv) and refuses to publish a Russian page if a string has no translation.

Terminology follows the Russian usage of the Prague Process: Пражский процесс; Целевая инициатива
Пражского процесса (ЦИ ПП); План действий Пражского процесса на 2012–2016 годы; Совместная декларация
«Построение миграционных партнёрств»; пилотный проект; реадмиссия; возвращение; трудовая миграция;
циркулярная миграция; международная защита; убежище; Европейская учебная программа по вопросам убежища
(EAC); миграционные профили; МЦРМП; Европейская комиссия.  Project acronyms (BMP, BMP1, BMP2, ERIS,
SIPPAP, EAC, EASO as part of a name) stay in Latin script, as in the Russian documents of the process.
"""

# Kept out of the formatter so that each entry reads as the English source, then its Russian translation.
# fmt: off
RU = {
    # --- Regions ---------------------------------------------------------------------------------------------
    "European Union and Schengen Area":
        "Европейский союз и Шенгенская зона",
    "Eastern Partnership":
        "Восточное партнёрство",
    "Western Balkans":
        "Западные Балканы",
    "Central Asia":
        "Центральная Азия",
    "Russia":
        "Россия",
    "Turkey":
        "Турция",
    "Other participating states":
        "Другие государства-участники",
    # --- Thematic areas --------------------------------------------------------------------------------------
    "Preventing and fighting illegal migration":
        "Предотвращение незаконной миграции и борьба с ней",
    "Legal migration and mobility with a special emphasis on labour migration":
        "Легальная миграция и мобильность с особым акцентом на трудовую миграцию",
    "Migration and mobility as positive forces for development":
        "Миграция и мобильность как позитивные факторы развития",
    "Asylum and international protection":
        "Убежище и международная защита",
    # --- Organisations ---------------------------------------------------------------------------------------
    "International Centre for Migration Policy Development":
        "Международный центр по развитию миграционной политики",
    "ICMPD":
        "МЦРМП",
    "European Commission":
        "Европейская комиссия",
    "European Asylum Support Office":
        "Европейское бюро поддержки в области убежища",
    "EASO":
        "ЕБПУ",
    # --- Home page and sections ------------------------------------------------------------------------------
    "Prague Process":
        "Пражский процесс",
    "States participating in the Prague Process – the countries of the European Union, the Schengen Area, the Eastern"
    " Partnership, the Western Balkans and Central Asia, as well as Russia and Turkey – cooperate in the area of "
    "migration and asylum.":
        "В рамках Пражского процесса в области миграции и убежища сотрудничают страны Европейского союза, Шенгенской "
        "зоны, Восточного партнёрства, Западных Балкан и Центральной Азии, а также Россия и Турция.",
    "Projects":
        "Проекты",
    "Projects implemented under the umbrella of the Prague Process.":
        "Проекты, реализуемые под эгидой Пражского процесса.",
    "Library":
        "Библиотека",
    "Documents of the Prague Process and the outputs of its projects.":
        "Документы Пражского процесса и материалы, подготовленные в рамках его проектов.",
    "Participating states":
        "Государства-участники",
    "The states participating in the Prague Process.":
        "Государства – участники Пражского процесса.",
    # --- About -----------------------------------------------------------------------------------------------
    "About the Prague Process":
        "О Пражском процессе",
    "States participating in the Prague Process cooperate in the area of migration and asylum.":
        "Государства – участники Пражского процесса сотрудничают в области миграции и убежища.",
    "The Prague Process brings together the countries of the European Union, the Schengen Area, the Eastern "
    "Partnership, the Western Balkans and Central Asia, as well as Russia and Turkey. Its principles are equality and"
    " mutual interests, and it is voluntary in nature.":
        "Пражский процесс объединяет страны Европейского союза, Шенгенской зоны, Восточного партнёрства, Западных "
        "Балкан и Центральной Азии, а также Россию и Турцию. Его принципы – равенство и взаимные интересы; участие в "
        "нём носит добровольный характер.",
    "The Prague Process Action Plan for the implementation of the Building Migration Partnerships (BMP) Joint "
    "Declaration covers 2012–2016. Its text was finalised by the BMP Transitional project (BMP2) and prepared for "
    "endorsement at the Second Prague Process Ministerial Conference in Poznan, Poland, on 3–4 November 2011.":
        "План действий Пражского процесса по реализации Совместной декларации «Построение миграционных партнёрств» "
        "(BMP) охватывает 2012–2016 годы. Его текст был доработан в рамках переходного проекта BMP (BMP2) и "
        "подготовлен к одобрению на второй министерской конференции Пражского процесса в Познани (Польша) 3–4 ноября "
        "2011 года.",
    "The Prague Process Targeted Initiative (PP TI, 2012–2016) supports the implementation of the Prague Process and "
    "its Action Plan. Other projects, such as ERIS and SIPPAP, are implemented under the umbrella of the Prague "
    "Process: they are based on the Action Plan but implemented outside of the PP TI.":
        "Целевая инициатива Пражского процесса (ЦИ ПП, 2012–2016 годы) содействует реализации Пражского процесса и "
        "его Плана действий. Под эгидой Пражского процесса реализуются и другие проекты, например ERIS и SIPPAP: они "
        "основаны на Плане действий, но осуществляются вне рамок ЦИ ПП.",
    "The BMP knowledge base gathers information in the form of Extended Migration Profiles. It was built by the BMP "
    "Initiative (BMP1, May 2009–June 2011) and maintained and updated by BMP Transitional (BMP2, July 2011–July "
    "2012); one of the specific objectives of the PP TI is to maintain, update and/or further improve it through "
    "Migration Profiles.":
        "В базе знаний BMP собирается информация в форме расширенных миграционных профилей. База была создана в "
        "рамках Инициативы BMP (BMP1, май 2009 – июнь 2011 года), поддерживалась и обновлялась в рамках переходного "
        "проекта BMP (BMP2, июль 2011 – июль 2012 года); одна из конкретных целей ЦИ ПП – поддерживать, обновлять и "
        "(или) совершенствовать её посредством миграционных профилей.",
    "ICMPD (the International Centre for Migration Policy Development) is the implementing agency of the BMP "
    "Initiative, BMP Transitional and the PP TI.":
        "Исполнительным агентством Инициативы BMP, переходного проекта BMP и ЦИ ПП является Международный центр по "
        "развитию миграционной политики (МЦРМП).",
    # --- PP TI -----------------------------------------------------------------------------------------------
    "Prague Process Targeted Initiative":
        "Целевая инициатива Пражского процесса",
    "PP TI":
        "ЦИ ПП",
    "The main aim of the PP TI is to enhance cooperation in the area of migration and asylum between the countries of"
    " the European Union, the Schengen Area, the Eastern Partnership, the Western Balkans and Central Asia, as well "
    "as Russia and Turkey, through supporting the implementation of the Prague Process and its Action Plan 2012–2016.":
        "Основная цель ЦИ ПП – укрепление сотрудничества в области миграции и убежища между странами Европейского "
        "союза, Шенгенской зоны, Восточного партнёрства, Западных Балкан и Центральной Азии, а также Россией и "
        "Турцией путём содействия реализации Пражского процесса и его Плана действий на 2012–2016 годы.",
    "To ensure continued expert-level dialogue and targeted information exchange among states participating in the "
    "Prague Process on the topics identified in the Prague Process Action Plan":
        "Обеспечить продолжение диалога на экспертном уровне и целенаправленного обмена информацией между "
        "государствами – участниками Пражского процесса по темам, определённым в Плане действий Пражского процесса",
    "To maintain, update and/or further improve the BMP knowledge base through the gathering of information in the "
    "form of Migration Profiles for countries participating in the Prague Process":
        "Поддерживать, обновлять и (или) совершенствовать базу знаний BMP путём сбора информации в форме миграционных"
        " профилей стран – участниц Пражского процесса",
    "To implement, following the rationale of the Global Approach to Migration and Mobility and the Prague Process "
    "Action Plan, four concrete initiatives (pilot projects), one in each of the following areas: preventing and "
    "fighting illegal migration; addressing legal migration and mobility with a special emphasis on labour migration;"
    " making migration and mobility positive forces for development; strengthening capacities in the areas of asylum "
    "and international protection":
        "Реализовать в соответствии с логикой Глобального подхода к миграции и мобильности и Плана действий Пражского"
        " процесса четыре конкретные инициативы (пилотных проекта), по одной в каждой из следующих областей: "
        "предотвращение незаконной миграции и борьба с ней; решение вопросов легальной миграции и мобильности с "
        "особым акцентом на трудовую миграцию; превращение миграции и мобильности в позитивные факторы развития; "
        "укрепление потенциала в области убежища и международной защиты",
    # --- Pilot projects and their expected results -----------------------------------------------------------
    "Pilot Project 1 – Illegal Migration":
        "Пилотный проект 1 – Незаконная миграция",
    "Pilot Project 2 – Legal Migration":
        "Пилотный проект 2 – Легальная миграция",
    "Pilot Project 3 – Migration and Development":
        "Пилотный проект 3 – Миграция и развитие",
    "Pilot Project 4 – International Protection and Asylum":
        "Пилотный проект 4 – Международная защита и убежище",
    "Compilation of best practices":
        "Сборник передового опыта",
    "Prague Process Guidelines on concluding readmission agreements and organising returns":
        "Руководящие принципы Пражского процесса по заключению соглашений о реадмиссии и организации возвращения",
    "Capacity of participating states to manage return and readmission is strengthened":
        "Укреплён потенциал государств-участников в области управления возвращением и реадмиссией",
    "Prague Process Recommendations on organising labour migration between countries of origin and countries of "
    "destination, focusing on access to information by potential migrants and aspects of better labour matching":
        "Рекомендации Пражского процесса по организации трудовой миграции между странами происхождения и странами "
        "назначения с акцентом на доступ потенциальных мигрантов к информации и на аспекты более эффективного подбора"
        " рабочей силы",
    "Capacity of participating states is strengthened to support the effective organisation of labour migration by "
    "providing information to potential migrants":
        "Укреплён потенциал государств-участников по содействию эффективной организации трудовой миграции путём "
        "информирования потенциальных мигрантов",
    "Prague Process Guidelines on Circular Migration Policies":
        "Руководящие принципы Пражского процесса по политике в области циркулярной миграции",
    "Understanding in participating states of the concept of circular migration and measures to effectively "
    "facilitate it is increased":
        "В государствах-участниках улучшено понимание концепции циркулярной миграции и мер по эффективному содействию"
        " ей",
    "The EASO/European Asylum Curriculum (EAC) training module on inclusion translated into Russian language and "
    "available online":
        "Учебный модуль EASO / Европейской учебной программы по вопросам убежища (EAC) «Включение» переведён на "
        "русский язык и доступен в интернете",
    "A number of national asylum authorities will have become familiar with the EAC Concept and a number of national "
    "experts will have been trained and will become certified EAC trainers on inclusion":
        "Ряд национальных органов по вопросам убежища ознакомится с концепцией EAC, а ряд национальных экспертов "
        "пройдёт обучение и станет сертифицированными тренерами EAC по модулю «Включение»",
    "Participating asylum case officers and decision-makers in partner countries will have improved their skills and "
    "knowledge in international refugee law (asylum), including the EU asylum acquis":
        "Участвующие в проекте сотрудники, рассматривающие ходатайства об убежище, и лица, принимающие решения, в "
        "странах-партнёрах повысят свою квалификацию и углубят знания в области международного беженского права "
        "(убежища), включая право ЕС в сфере убежища (acquis)",
    "Prague Process Guidelines on asylum procedures and training needs, including a structured assessment on training"
    " needs in the participating states":
        "Руководящие принципы Пражского процесса по процедурам предоставления убежища и потребностям в обучении, "
        "включая структурированную оценку потребностей в обучении в государствах-участниках",
    # --- BMP Transitional (BMP2) -----------------------------------------------------------------------------
    "BMP Transitional":
        "Переходный проект BMP",
    "BMP2":
        "BMP2",
    "The Prague Process: Continuation of the Building Migration Partnerships Dialogue":
        "Пражский процесс: продолжение диалога «Построение миграционных партнёрств»",
    "The project “The Prague Process: Continuation of the Building Migration Partnerships Dialogue” (BMP2) maintained"
    " and updated the BMP knowledge base, finalised the text of the Prague Process Action Plan for the implementation"
    " of the BMP Joint Declaration from 2012–2016 and prepared the document for its endorsement at the Second Prague "
    "Process Ministerial Conference in Poznan, Poland on 3–4 November 2011.":
        "В рамках проекта «Пражский процесс: продолжение диалога „Построение миграционных партнёрств“» (BMP2) "
        "поддерживалась и обновлялась база знаний BMP, был доработан текст Плана действий Пражского процесса по "
        "реализации Совместной декларации BMP на 2012–2016 годы, а сам документ подготовлен к одобрению на второй "
        "министерской конференции Пражского процесса в Познани (Польша) 3–4 ноября 2011 года.",
    "Through targeted funding, the European Commission provided the financial means for the implementation of the "
    "Prague Process Action Plan from 2012–2014.":
        "Европейская комиссия за счёт целевого финансирования предоставила средства на реализацию Плана действий "
        "Пражского процесса в 2012–2014 годах.",
    # --- BMP Initiative (BMP1) -------------------------------------------------------------------------------
    "BMP Initiative":
        "Инициатива BMP",
    "BMP1":
        "BMP1",
    "Building Migration Partnerships - A platform for applying the Global Approach to Migration to the Eastern and "
    "South-Eastern Regions Neighbouring the European Union":
        "Построение миграционных партнёрств – платформа для применения Глобального подхода к миграции в восточных и "
        "юго-восточных регионах, соседствующих с Европейским союзом",
    "The objective of the project “Building Migration Partnerships - A platform for applying the Global Approach to "
    "Migration to the Eastern and South-Eastern Regions Neighbouring the European Union” (BMP1) was to gather the "
    "information necessary for the implementation of the Joint Declaration.":
        "Целью проекта «Построение миграционных партнёрств – платформа для применения Глобального подхода к миграции "
        "в восточных и юго-восточных регионах, соседствующих с Европейским союзом» (BMP1) был сбор информации, "
        "необходимой для реализации Совместной декларации.",
    "The BMP knowledge base gathers information in the form of a set of Extended Migration Profiles, which are based "
    "on the template prepared by the European Commission.":
        "В базе знаний BMP собирается информация в форме комплекта расширенных миграционных профилей, основанных на "
        "шаблоне, подготовленном Европейской комиссией.",
    "The interactive online map – BMP i-Map – was developed to ensure access to the available information for all "
    "Prague Process/BMP participating states, under the section “Building Migration Partnerships”.":
        "Для обеспечения доступа всех государств – участников Пражского процесса/BMP к имеющейся информации была "
        "разработана интерактивная онлайн-карта BMP i-Map (раздел «Построение миграционных партнёрств»).",
    "The knowledge base was prepared through a set of high-level introductory missions and expert missions, as well "
    "as workshops and senior officials’ meetings, which served as the decisive body in BMP.":
        "База знаний была подготовлена в ходе ряда ознакомительных миссий высокого уровня и экспертных миссий, а "
        "также семинаров и совещаний старших должностных лиц, которые служили в BMP органом, принимающим решения.",
    "Ministry of the Interior":
        "Министерство внутренних дел",
    # --- ERIS and SIPPAP -------------------------------------------------------------------------------------
    "ERIS":
        "ERIS",
    "SIPPAP":
        "SIPPAP",
    "ERIS is implemented under the umbrella of the Prague Process. It is based on the Prague Process Action Plan but "
    "implemented outside of the Prague Process Targeted Initiative (PP TI), and follows the Prague Process’s "
    "principles of equality and mutual interests, as well as its voluntary nature.":
        "Проект ERIS реализуется под эгидой Пражского процесса. Он основан на Плане действий Пражского процесса, но "
        "осуществляется вне рамок Целевой инициативы Пражского процесса (ЦИ ПП) и следует принципам Пражского "
        "процесса – равенству и взаимным интересам, а также добровольному характеру участия.",
    "SIPPAP is implemented under the umbrella of the Prague Process. It is based on the Prague Process Action Plan "
    "but implemented outside of the Prague Process Targeted Initiative (PP TI), and follows the Prague Process’s "
    "principles of equality and mutual interests, as well as its voluntary nature.":
        "Проект SIPPAP реализуется под эгидой Пражского процесса. Он основан на Плане действий Пражского процесса, но"
        " осуществляется вне рамок Целевой инициативы Пражского процесса (ЦИ ПП) и следует принципам Пражского "
        "процесса – равенству и взаимным интересам, а также добровольному характеру участия.",
    # --- Library ---------------------------------------------------------------------------------------------
    "Prague Process Action Plan 2012–2016":
        "План действий Пражского процесса на 2012–2016 годы",
    "The Prague Process Action Plan for the implementation of the Building Migration Partnerships (BMP) Joint "
    "Declaration from 2012–2016. Its text was finalised by the BMP Transitional project (BMP2), which prepared the "
    "document for its endorsement at the Second Prague Process Ministerial Conference in Poznan, Poland, on 3–4 "
    "November 2011. Through targeted funding, the European Commission provided the financial means for its "
    "implementation from 2012–2014. The Prague Process Targeted Initiative (PP TI) supports its implementation; other"
    " projects, such as ERIS and SIPPAP, are based on it.":
        "План действий Пражского процесса по реализации Совместной декларации «Построение миграционных партнёрств» "
        "(BMP) на 2012–2016 годы. Его текст был доработан в рамках переходного проекта BMP (BMP2), в ходе которого "
        "документ был подготовлен к одобрению на второй министерской конференции Пражского процесса в Познани "
        "(Польша) 3–4 ноября 2011 года. Европейская комиссия за счёт целевого финансирования предоставила средства на"
        " его реализацию в 2012–2014 годах. Целевая инициатива Пражского процесса (ЦИ ПП) содействует его реализации;"
        " на нём основаны и другие проекты, например ERIS и SIPPAP.",
    "BMP Joint Declaration":
        "Совместная декларация «Построение миграционных партнёрств»",
    "The Building Migration Partnerships (BMP) Joint Declaration. The BMP Initiative (BMP1) gathered the information "
    "necessary for its implementation, and the Prague Process Action Plan 2012–2016 was prepared for its "
    "implementation.":
        "Совместная декларация «Построение миграционных партнёрств» (BMP). Информация, необходимая для её реализации,"
        " была собрана в рамках Инициативы BMP (BMP1); для её реализации был подготовлен План действий Пражского "
        "процесса на 2012–2016 годы.",
    "Prague Process Factsheet":
        "Информационный листок Пражского процесса",
    # --- Outputs of the pilot projects -----------------------------------------------------------------------
    "Pilot Project 1 – Compilation of best practices":
        "Пилотный проект 1 – Сборник передового опыта",
    "Pilot Project 2 – Compilation of best practices":
        "Пилотный проект 2 – Сборник передового опыта",
    "Pilot Project 3 – Compilation of best practices":
        "Пилотный проект 3 – Сборник передового опыта",
    "An expected result of Pilot Project 1 – Illegal Migration of the Prague Process Targeted Initiative (PP TI).":
        "Ожидаемый результат пилотного проекта 1 «Незаконная миграция» Целевой инициативы Пражского процесса (ЦИ ПП).",
    "An expected result of Pilot Project 2 – Legal Migration of the Prague Process Targeted Initiative (PP TI).":
        "Ожидаемый результат пилотного проекта 2 «Легальная миграция» Целевой инициативы Пражского процесса (ЦИ ПП).",
    "An expected result of Pilot Project 3 – Migration and Development of the Prague Process Targeted Initiative (PP "
    "TI).":
        "Ожидаемый результат пилотного проекта 3 «Миграция и развитие» Целевой инициативы Пражского процесса (ЦИ ПП).",
    "Prague Process Guidelines on asylum procedures and training needs":
        "Руководящие принципы Пражского процесса по процедурам предоставления убежища и потребностям в обучении",
    "An expected result of Pilot Project 4 – International Protection and Asylum of the Prague Process Targeted "
    "Initiative (PP TI), including a structured assessment on training needs in the participating states.":
        "Ожидаемый результат пилотного проекта 4 «Международная защита и убежище» Целевой инициативы Пражского "
        "процесса (ЦИ ПП), включающий структурированную оценку потребностей в обучении в государствах-участниках.",
    "EAC training module on inclusion (Russian)":
        "Учебный модуль EAC «Включение» (на русском языке)",
    "An expected result of Pilot Project 4 – International Protection and Asylum: the EASO/European Asylum Curriculum"
    " (EAC) training module on inclusion translated into Russian language and available online.":
        "Ожидаемый результат пилотного проекта 4 «Международная защита и убежище»: учебный модуль EASO / Европейской "
        "учебной программы по вопросам убежища (EAC) «Включение», переведённый на русский язык и доступный в "
        "интернете.",
}
# fmt: on
