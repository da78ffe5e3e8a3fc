#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the FY2016/17 sample data set and its golden summary.

    python3 build-aux/make-sample.py

writes data/sample/workshops.csv, data/sample/participants.csv, data/sample/responses.csv
and tests/golden/summary-FY2016-17.csv (paths relative to the source tree).

The data set reproduces, row by row, Tables 1 to 5 of the ROCB A/P Customs Good Practice
Report No. 17 (February 2018; shared/seeds/003_f6f452202a3b9bbf.txt): the 13 surveyed
workshops of FY2016/17, one participant from each participating administration, and 148
replies. Two corrections, as DOMAIN.md explains: workshops (10) to (13) are dated April to
June 2017 (the report says 2016), and Table 5's row (10) is 10 yes + 4 no (the report's
10 + 5 adds up to 15 for 14 replies), so the Q5 totals are 96 + 52.

What the report gives is kept: who took part and replied where the report names an
administration, the report's own examples as free texts (lightly paraphrased, each with the
administration the report credits), and the 19 administrations that organized in-house
workshops. Everything else is made up: the exact dates, the venues, the people (names,
positions, e-mail addresses at reserved .example domains), the administrations that took
part or replied where the report does not say, the other answers and the reply dates.

Standard library only and deterministic (a fixed random seed): running it again writes the
same bytes. Before writing anything it checks that the data reproduces every number of
Tables 1 to 5, typed below from the report independently of the generator.
"""

import csv
import datetime
import io
import os
import random
import sys
import unicodedata

SEED = 20180201  # the report's month: any fixed number will do

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE_DIR = os.path.join(TOP, 'data', 'sample')
GOLDEN = os.path.join(TOP, 'tests', 'golden', 'summary-FY2016-17.csv')

# ---- The report's tables, typed from the seed ---------------------------------------------
#
# (administrations, replies) from Table 1; Q1 ticks from Table 2 (shared, report,
# recommendations, in-house, manuals, others); (yes, no) from Tables 3, 4 and 5. Table 5's
# row (10) is corrected from 10/5 to 10/4; Table 4's row (13) is 14/0: one reply left Q4
# unanswered.

TABLE_1 = [
    (8, 5), (26, 12), (21, 8), (24, 19), (21, 13), (23, 11), (21, 7),
    (7, 3), (16, 13), (25, 14), (22, 10), (22, 18), (25, 15),
]
TABLE_2 = [
    (3, 2, 1, 1, 1, 3),
    (9, 10, 9, 4, 2, 1),
    (5, 4, 3, 2, 2, 1),
    (15, 16, 13, 9, 4, 6),
    (12, 13, 8, 6, 2, 1),
    (7, 8, 7, 3, 4, 2),
    (7, 6, 2, 3, 0, 0),
    (2, 3, 2, 1, 3, 0),
    (8, 11, 4, 2, 0, 1),
    (11, 13, 8, 2, 0, 8),
    (7, 8, 5, 2, 3, 2),
    (11, 14, 12, 5, 4, 5),
    (12, 12, 9, 7, 2, 4),
]
TABLE_3 = [(2, 3), (9, 3), (7, 1), (13, 6), (8, 5), (5, 6), (4, 3), (1, 2), (8, 5), (10, 4),
           (7, 3), (12, 6), (10, 5)]
TABLE_4 = [(4, 1), (12, 0), (8, 0), (19, 0), (12, 1), (10, 1), (7, 0), (3, 0), (13, 0),
           (13, 1), (10, 0), (17, 1), (14, 0)]
TABLE_5 = [(3, 2), (9, 3), (6, 2), (14, 5), (6, 7), (8, 3), (5, 2), (2, 1), (11, 2), (10, 4),
           (7, 3), (10, 8), (5, 10)]
# The report's total rows.
TOTALS = {
    'administrations': 261, 'replies': 148,
    'actions': (109, 120, 83, 47, 27, 34),
    'direct_effects': (96, 52), 'contributed': (142, 5), 'project': (96, 52),
}
# "19 Member administrations conducted at least 47 in-house workshops".
INHOUSE_ADMINISTRATIONS = [
    'Bhutan', 'Cambodia', 'China', 'Fiji', 'India', 'Indonesia', 'Malaysia', 'Maldives',
    'Mongolia', 'Myanmar', 'Nepal', 'New Zealand', 'Pakistan', 'Samoa', 'Sri Lanka',
    'Thailand', 'Timor-Leste', 'Tonga', 'Vanuatu',
]

ACTIONS = ['shared_materials', 'submitted_report', 'made_recommendations', 'inhouse_workshop',
           'developed_manuals', 'other_action']

# ---- The members (DOMAIN.md's list, its spelling) -----------------------------------------

MEMBERS = {
    # name: (ISO 3166 code for the made-up e-mail domain, name order, given names, family
    # names) or (code, 'list', full names, None). 'gf' writes given then family names,
    # 'fg' family then given.
    'Afghanistan': ('af', 'gf', ['Ahmad', 'Farid', 'Nasir', 'Zahra', 'Mariam', 'Habibullah',
                                 'Jawad', 'Shafiq', 'Rahmatullah'],
                    ['Rahimi', 'Ahmadzai', 'Popal', 'Sultani', 'Noori', 'Hakimi', 'Safi',
                     'Wardak']),
    'Australia': ('au', 'gf', ['Emma', 'James', 'Sarah', 'Daniel', 'Rachel', 'Michael',
                               'Olivia', 'Lachlan'],
                  ['Clarke', 'Mitchell', "O'Brien", 'Nguyen', 'Thompson', 'Harris',
                   'Bennett', 'Ward']),
    'Bangladesh': ('bd', 'gf', ['Md. Rafiqul', 'Farhana', 'Mohammad Kamrul', 'Nusrat',
                                'Abdur Rahim', 'Tanvir', 'Sharmin', 'Mahbubul'],
                   ['Islam', 'Akter', 'Hasan', 'Jahan', 'Rahman', 'Ahmed', 'Sultana',
                    'Chowdhury']),
    'Bhutan': ('bt', 'gf', ['Karma', 'Sonam', 'Tshering', 'Pema', 'Kinley', 'Dechen',
                            'Ugyen', 'Jigme'],
               ['Wangchuk', 'Choden', 'Dorji', 'Yangzom', 'Penjor', 'Wangmo', 'Tenzin',
                'Namgyel']),
    'Brunei Darussalam': ('bn', 'list', [
        'Mohd Rizal bin Haji Ahmad', 'Nurul Ain binti Abdullah', 'Hafiz bin Osman',
        'Siti Norhayati binti Ismail', 'Muhammad Amirul bin Yusof', 'Dayangku Fatimah binti Salleh',
        'Abdul Hadi bin Jaafar', 'Nor Azizah binti Hamid', 'Khairul Anwar bin Matussin',
        'Rosmawati binti Tengah', 'Azmi bin Bakar', 'Haslinda binti Sulaiman',
        'Faizal bin Mahmud'], None),
    'Cambodia': ('kh', 'fg', ['Chanthy', 'Sopheap', 'Vannak', 'Sreymom', 'Dara', 'Sothea',
                              'Rithy', 'Sokunthea'],
                 ['Sok', 'Chea', 'Heng', 'Keo', 'Lim', 'Pich', 'Ouk', 'Meas']),
    'China': ('cn', 'fg', ['Lei', 'Na', 'Wei', 'Yang', 'Jing', 'Min', 'Tao', 'Xin', 'Hui'],
              ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Zhao', 'Huang', 'Zhou']),
    'Fiji': ('fj', 'list', [
        'Josefa Naivalu', 'Mereani Ravula', 'Viliame Koroi', 'Litia Tuisawau', 'Sereana Waqa',
        'Ilaitia Vuniwaqa', 'Ateca Tikoisuva', 'Epeli Rokotuibau', 'Ravinesh Kumar',
        'Priya Lata', 'Anil Prasad', 'Shalendra Chand', 'Mohammed Shameem Khan',
        'Losena Tamani', 'Akuila Bainivalu'], None),
    'Hong Kong China': ('hk', 'fg', ['Ka-wai', 'Siu-ming', 'Wing-yan', 'Ho-yin', 'Mei-ling',
                                     'Chi-keung', 'Wai-man', 'Kit-ying'],
                        ['Chan', 'Wong', 'Lee', 'Cheung', 'Lam', 'Ng', 'Ho', 'Leung']),
    'India': ('in', 'gf', ['Rajesh', 'Priya', 'Anand', 'Sunita', 'Vikram', 'Deepa', 'Arvind',
                           'Kavita', 'Sanjay'],
              ['Sharma', 'Nair', 'Subramanian', 'Verma', 'Singh', 'Menon', 'Rao', 'Iyer',
               'Gupta']),
    'Indonesia': ('id', 'gf', ['Budi', 'Dewi', 'Agus', 'Siti', 'Hendra', 'Rina', 'Eko',
                               'Fitri'],
                  ['Santoso', 'Lestari', 'Setiawan', 'Rahmawati', 'Wijaya', 'Kusumawati',
                   'Prasetyo', 'Handayani']),
    'Iran': ('ir', 'gf', ['Mohammad Reza', 'Maryam', 'Ali', 'Fatemeh', 'Hossein', 'Zahra',
                          'Amir', 'Neda'],
             ['Ahmadi', 'Hosseini', 'Karimi', 'Rezaei', 'Moradi', 'Mohammadi', 'Jafari',
              'Rahimi']),
    'Japan': ('jp', 'gf', ['Kenji', 'Yuko', 'Hiroshi', 'Naoko', 'Daisuke', 'Aya', 'Takeshi',
                           'Megumi'],
              ['Takahashi', 'Tanaka', 'Sato', 'Suzuki', 'Watanabe', 'Ito', 'Yamamoto',
               'Nakamura']),
    'Korea': ('kr', 'fg', ['Min-jun', 'Seo-yeon', 'Ji-hoon', 'Eun-ji', 'Hyun-woo', 'Soo-jin',
                           'Tae-ho', 'Ji-young'],
              ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han']),
    'Lao PDR': ('la', 'gf', ['Souksavanh', 'Khamphone', 'Bounmy', 'Phonesavanh',
                             'Vilayphone', 'Somphone', 'Noy', 'Thongsavanh'],
                ['Phommachanh', 'Sisavath', 'Vongsa', 'Keomany', 'Chanthavong', 'Inthavong',
                 'Sayavong', 'Luangrath']),
    'Macau China': ('mo', 'fg', ['Sio Pang', 'Kam Ieng', 'Sao Man', 'Chi Hong', 'Ka Man',
                                 'Wai Kin', 'Iok Lin', 'Kuok Wa'],
                    ['Leong', 'Wong', 'Ho', 'Lei', 'Chan', 'Lao', 'Cheang', 'Sou']),
    'Malaysia': ('my', 'list', [
        'Ahmad Faizal bin Abdul Rahman', 'Nur Aisyah binti Mohd Noor', 'Tan Wei Ming',
        'Kavitha Ramasamy', 'Mohd Hafiz bin Ismail', 'Lim Siew Ling', 'Rajendran Muthu',
        'Siti Aminah binti Hassan', 'Wong Kah Seng', 'Zulkifli bin Omar',
        'Norhayati binti Yusof', 'Chong Mei Yee', 'Azman bin Ibrahim'], None),
    'Maldives': ('mv', 'gf', ['Ahmed', 'Aishath', 'Mohamed', 'Fathimath', 'Ibrahim', 'Mariyam',
                              'Hassan', 'Aminath'],
                 ['Naseem', 'Shareef', 'Rasheed', 'Waheed', 'Zahir', 'Latheef', 'Saeed',
                  'Shafeeu']),
    'Mongolia': ('mn', 'fg', ['Ganzorig', 'Oyunchimeg', 'Enkhbayar', 'Sarantuya', 'Munkhbat',
                              'Nomin', 'Tuvshin', 'Bolormaa'],
                 ['Batbayar', 'Dorj', 'Tserendorj', 'Bold', 'Altangerel', 'Erdenebat',
                  'Ganbaatar', 'Sukhbaatar']),
    'Myanmar': ('mm', 'list', [
        'Aung Kyaw Moe', 'Thandar Win', 'Zaw Min Htut', 'Hnin Wai Phyo', 'Kyaw Zin Oo',
        'Su Myat Mon', 'Min Thu Aung', 'Ei Ei Khaing', 'Tun Tun Naing', 'Nandar Hlaing',
        'Win Naing Soe', 'May Thu Kyaw', 'Htet Aung Lin'], None),
    'Nepal': ('np', 'gf', ['Ramesh', 'Sita', 'Bikash', 'Anita', 'Deepak', 'Sunita',
                           'Hari Prasad', 'Laxmi'],
              ['Adhikari', 'Shrestha', 'Thapa', 'Gurung', 'Karki', 'Maharjan', 'Poudel',
               'Rai']),
    'New Zealand': ('nz', 'gf', ['Aroha', 'Tom', 'Hannah', 'Matiu', 'Sophie', 'Ben', 'Kiri',
                                 'Jack'],
                    ['Ngata', 'Walker', 'Reid', 'Parata', 'Campbell', 'Fletcher', 'Tawhiri',
                     'Robertson']),
    'Pakistan': ('pk', 'gf', ['Muhammad Asif', 'Ayesha', 'Imran', 'Sana', 'Faisal', 'Hina',
                              'Tariq', 'Nadia', 'Usman'],
                 ['Khan', 'Siddiqui', 'Qureshi', 'Malik', 'Rehman', 'Baig', 'Mahmood',
                  'Chaudhry', 'Javed']),
    'Papua New Guinea': ('pg', 'gf', ['John', 'Mary', 'Peter', 'Grace', 'Joseph', 'Ruth',
                                      'Michael', 'Esther'],
                         ['Kila', 'Wafi', 'Kaupa', 'Aisi', 'Tamarua', 'Kepore', 'Pundari',
                          'Kavana']),
    'Philippines': ('ph', 'gf', ['Maria Cristina', 'Jose Miguel', 'Ana Liza', 'Ramon',
                                 'Jennifer', 'Mark Anthony', 'Rosario', 'Paolo'],
                    ['Santos', 'Reyes', 'Dela Cruz', 'Bautista', 'Villanueva', 'Garcia',
                     'Mendoza', 'Aquino']),
    'Samoa': ('ws', 'gf', ['Tavita', 'Sina', "Fa'asalele", 'Mele', 'Iosefa', 'Lagi', 'Tuala',
                           'Malia'],
              ['Faleolo', 'Tauiliili', 'Leota', 'Aiono', 'Matagi', 'Fuimaono', 'Sefo',
               "Amituana'i"]),
    'Singapore': ('sg', 'list', [
        'Tan Wei Jie', 'Nur Hidayah Rahman', 'Lim Hui Min', 'Rajesh Pillai', 'Goh Kok Leong',
        'Chua Li Ting', 'Ong Jia Hui', 'Muhammad Firdaus Salleh', 'Koh Boon Kiat',
        'Priya Devi Krishnan', 'Teo Xin Yi', 'Lee Jun Wei', 'Ng Shu Fen'], None),
    'Sri Lanka': ('lk', 'gf', ['Nimal', 'Chamari', 'Kasun', 'Dilani', 'Ruwan', 'Sanduni',
                               'Lasantha', 'Tharindu'],
                  ['Perera', 'Jayasinghe', 'Fernando', 'Wickramasinghe', 'Bandara',
                   'Gunawardena', 'Dissanayake', 'Silva']),
    'Thailand': ('th', 'gf', ['Somchai', 'Kannika', 'Anan', 'Pimchanok', 'Nattapong',
                              'Siriporn', 'Wichai', 'Suda'],
                 ['Srisuk', 'Chaiyaporn', 'Wongsawat', 'Rattanakul', 'Boonmee', 'Thongdee',
                  'Kaewmanee', 'Phromma']),
    'Timor-Leste': ('tl', 'gf', ['João', 'Maria', 'Agostinho', 'Rosa', 'Mateus', 'Ana',
                                 'Domingos', 'Filomena'],
                    ['da Costa', 'Soares', 'Pereira', 'Ximenes', 'Guterres', 'Belo', 'Amaral',
                     'Sarmento']),
    'Tonga': ('to', 'gf', ['Sione', 'Mele', 'Viliami', 'Salote', 'Tevita', 'Losana', 'Siaosi',
                           'Kalolaine'],
              ["Tu'ipulotu", 'Fifita', 'Taufa', 'Lolohea', 'Havili', 'Kioa', 'Vea', 'Mafi']),
    'Vanuatu': ('vu', 'gf', ['Jean-Pierre', 'Marie', 'Kalo', 'Leimara', 'Johnson', 'Roselyn',
                             'Willie', 'Annie'],
                ['Kalmet', 'Tabi', 'Toa', 'Bule', 'Naviti', 'Tari', 'Mahit', 'Molisa']),
    'Viet Nam': ('vn', 'fg', ['Văn Hùng', 'Thị Lan', 'Minh Tuấn', 'Thu Hà', 'Đức Anh',
                              'Thị Hương', 'Quốc Bảo', 'Thanh Tùng'],
                 ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi']),
}
assert len(MEMBERS) == 33

PACIFIC = ['Australia', 'Fiji', 'New Zealand', 'Papua New Guinea', 'Samoa', 'Timor-Leste',
           'Tonga', 'Vanuatu']
ASEAN = ['Brunei Darussalam', 'Cambodia', 'Indonesia', 'Lao PDR', 'Malaysia', 'Myanmar',
         'Philippines', 'Singapore', 'Thailand', 'Viet Nam']

# ---- The workshops ----------------------------------------------------------------------
#
# Titles as in Table 1 ("Materclass" corrected; (1) as the report's text names it); dates,
# venues and hosts made up within the months the report gives.

WORKSHOPS = [
    dict(code='2016-INT-PAC', kind='sub-regional',
         title='WCO Sub-regional Workshop on Integrity for the Pacific',
         start='2016-07-25', end='2016-07-28', venue='Nadi, Fiji', host='Fiji',
         pool=PACIFIC, positions=[
             'Integrity Officer', 'Manager, Internal Audit',
             'Principal Customs Officer, Professional Standards',
             'Senior Officer, Human Resources']),
    dict(code='2016-NII', kind='regional',
         title='WCO Regional Workshop on Non-Intrusive Inspection',
         start='2016-09-05', end='2016-09-09', venue='Shanghai, China', host='China',
         positions=['Senior Customs Officer, Container Scanning Unit', 'X-ray Image Analyst',
                    'Superintendent, Airport Cargo', 'Inspector, Detection Technology']),
    dict(code='2016-DCEC', kind='regional',
         title='WCO Regional Workshop on Digital Customs and E-Commerce',
         start='2016-09-20', end='2016-09-22', venue='Incheon, Korea', host='Korea',
         positions=['Deputy Director, Information Technology',
                    'Assistant Commissioner, E-Commerce Policy', 'Systems Analyst',
                    'Officer, Single Window Project']),
    dict(code='2016-PCA', kind='regional',
         title='WCO Regional Workshop on Post Clearance Audit',
         start='2016-09-26', end='2016-09-30', venue='Kuala Lumpur, Malaysia', host='Malaysia',
         positions=['Auditor, Post Clearance Audit Division', 'Senior Auditor',
                    'Head of Post Clearance Audit', 'Assistant Director, Audit']),
    dict(code='2016-JEA-TOT', kind='train-the-trainer',
         title='WCO Train-the-trainer Workshop for the WCO Joint Enforcement Action against '
               'Counterfeiting and Piracy in the Asia/Pacific Region',
         start='2016-11-07', end='2016-11-10', venue='Tokyo, Japan', host='Japan',
         positions=['Officer, IPR Enforcement', 'Inspector, Intellectual Property Rights Unit',
                    'Senior Enforcement Officer', 'Deputy Superintendent, Anti-Smuggling']),
    dict(code='2016-LAB', kind='regional',
         title='WCO Regional Workshop on Capacity Building of Customs Laboratories for the '
               'Revenue Package Program and Trade Facilitation',
         start='2016-11-14', end='2016-11-18', venue='Hong Kong', host='Hong Kong China',
         positions=['Chemist, Customs Laboratory', 'Head of Laboratory', 'Laboratory Analyst',
                    'Senior Scientific Officer']),
    dict(code='2016-IRM', kind='regional',
         title='WCO Regional Workshop on Intelligence-led Risk Management',
         start='2016-11-22', end='2016-11-25', venue='Bangkok, Thailand', host='Thailand',
         positions=['Risk Analyst', 'Intelligence Officer', 'Manager, Risk Management Unit',
                    'Senior Targeting Officer']),
    # Ends on 31 March: six months on is 30 September, the month's last day.
    dict(code='2017-ARO-ASEAN', kind='sub-regional',
         title='WCO Sub-regional Workshop on Advance Ruling and Origin Certification for '
               'ASEAN Member Customs Administrations',
         start='2017-03-29', end='2017-03-31', venue='Siem Reap, Cambodia', host='Cambodia',
         pool=ASEAN, positions=['Officer, Rules of Origin', 'Tariff and Origin Specialist',
                                'Assistant Director, Advance Rulings']),
    # Held with UNESCAP in its own conference centre: no host administration.
    dict(code='2017-UNNEXT', kind='masterclass', co='UNESCAP',
         title='WCO-UNESCAP 3rd UNNExt Masterclass: Digital Customs and Single Window in the '
               'Context of WTO TFA',
         start='2017-04-03', end='2017-04-07', venue='United Nations Conference Centre, Bangkok',
         host='', positions=['Director, Single Window', 'Business Process Analyst',
                             'ICT Manager', 'Deputy Director, Trade Facilitation']),
    dict(code='2017-SEC', kind='regional',
         title='WCO Regional Workshop on Security Program',
         start='2017-04-18', end='2017-04-21', venue='Colombo, Sri Lanka', host='Sri Lanka',
         positions=['Border Security Officer', 'Senior Intelligence Officer',
                    'Superintendent, Counter-Terrorism Unit', 'Inspector, Passenger Control']),
    dict(code='2017-POST', kind='regional', co='UPU',
         title='WCO-UPU Regional Workshop on Postal Items',
         start='2017-05-09', end='2017-05-12', venue='Thimphu, Bhutan', host='Bhutan',
         positions=['Officer, Postal Clearance', 'Supervisor, International Mail Centre',
                    'Senior Customs Officer, Courier and Post']),
    dict(code='2017-JEA-FU', kind='follow-up',
         title='WCO Follow-Up Workshop for the WCO Joint Enforcement Action against '
               'Counterfeiting and Piracy in the Asia/Pacific Region',
         start='2017-05-23', end='2017-05-26', venue='Ulaanbaatar, Mongolia', host='Mongolia',
         positions=['Officer, IPR Enforcement', 'Inspector, Intellectual Property Rights Unit',
                    'Senior Enforcement Officer', 'Assistant Director, Border Enforcement']),
    dict(code='2017-CV', kind='regional',
         title='WCO Regional Workshop on Customs Valuation',
         start='2017-06-12', end='2017-06-16', venue='Kathmandu, Nepal', host='Nepal',
         positions=['Valuation Officer', 'Senior Appraiser', 'Head of Valuation Unit',
                    'Assistant Director, Tariff and Valuation']),
]
assert len(WORKSHOPS) == 13

# Who organized the in-house workshops the replies report, per workshop: the 19
# administrations of the report, 47 ticks in Table 2's column.
INHOUSE = [
    ['Samoa'],
    ['Maldives', 'Malaysia', 'Tonga', 'New Zealand'],
    ['Indonesia', 'India'],
    ['Fiji', 'Tonga', 'Samoa', 'Sri Lanka', 'Thailand', 'Bhutan', 'Vanuatu', 'Indonesia',
     'Myanmar'],
    ['Fiji', 'Pakistan', 'Thailand', 'Cambodia', 'China', 'Nepal'],
    ['China', 'Nepal', 'Thailand'],
    ['Sri Lanka', 'Mongolia', 'Thailand'],
    ['Cambodia'],
    ['India', 'Maldives'],
    ['Pakistan', 'Samoa'],
    ['Bhutan', 'Maldives'],
    ['Maldives', 'India', 'Pakistan', 'Mongolia', 'Timor-Leste'],
    ['Fiji', 'Bhutan', 'Nepal', 'Timor-Leste', 'Vanuatu', 'Myanmar', 'Mongolia'],
]

# The report's examples: (workshop number, administration) -> answers. A text for
# other_action_text, direct_effects_text, contributed_text or project_text means the box was
# ticked or the answer was yes.
EXAMPLES = {
    (1, 'Samoa'): dict(
        other_action_text='Developed the Enforcement of Business Management Controls, had the '
        'Staff Complaints Process approved, and revised and endorsed the Enterprise Risk '
        'Management Framework.',
        direct_effects_text='Revised our Standard Operational Procedures (SOPs) to align them '
        'with the WCO guidelines and WTO requirements; more seizures of illegal and '
        'prohibited goods are now reported at the border.'),
    (1, 'Papua New Guinea'): dict(
        lessons_use='Standard Operational Procedures (SOPs) developed for cargo management, '
        'entry processing, warehousing & inland excise, and export. The Internal Audit '
        'Division conducted an organizational risk assessment to identify potential high '
        'risk/corruption areas.',
        contributed_text='Reinforced SOPs and anti-corruption policies will help us identify '
        'potential risk and corruption areas; management is pushing every division with '
        'routine tasks to write up its SOPs.',
        developed_manuals=True),
    (2, 'Maldives'): dict(
        direct_effects_text='Introduced the "red and green" channel at the airport, with '
        'more dependence on x-ray. Drug seizures were 3 times more than last year.',
        project_text='Procurement of new x-ray machines applying the lessons learned from '
        'the Workshop.'),
    (2, 'Hong Kong China'): dict(
        contributed_text='Information shared in the workshop serves as a solid platform when '
        'studying different NII equipment.'),
    (2, 'Malaysia'): dict(
        project_text='Procurement of new x-ray machines applying the lessons learned from '
        'the Workshop.'),
    (2, 'New Zealand'): dict(
        project_text='Procurement of new x-ray equipment, informed by the lessons learned at '
        'the Workshop.'),
    (2, 'Samoa'): dict(
        project_text='Procurement of a new x-ray machine and hand-held narcotics analyzers.'),
    (2, 'Tonga'): dict(
        project_text='Procurement of new x-ray machines and hand-held narcotics analyzers.'),
    (3, 'Maldives'): dict(
        other_action_text='Shared the recommendation for the on-going Single Window Project '
        'with the other relevant border agencies.'),
    (3, 'Indonesia'): dict(
        direct_effects_text='A new regulation (Finance Ministry Decree) on the import of '
        'postal goods was enacted, with new measures and techniques that improve '
        'efficiency, speed, accuracy, ease of tariff classification and shipment tracking.',
        project_text='Consolidating stakeholders to draft a regulation that frames '
        'institutional strengthening, in particular the competence of other Government '
        'Agencies concerned with cross-border digital trade.'),
    (3, 'India'): dict(
        contributed_text='The risk-based approach has increased our efficiency: consignments '
        'are cleared with minimum turnaround time, with proper checks and balances.'),
    (4, 'Maldives'): dict(
        other_action_text='Improved the performance monitoring system of the PCA Section.'),
    (4, 'Fiji'): dict(
        lessons_use='The on-site audit approach changed from comprehensive audits to a '
        '"focus audit", in which auditors scrutinize business account systems instead of '
        'import declarations and related documents.',
        direct_effects_text='Newly improved policies and procedures are implemented; the '
        'attitude and behavior of PCA officers improved drastically, and so did the '
        'efficiency and effectiveness of our operations.',
        contributed_text='The workshop helped identify gaps and weaknesses in our PCA system '
        'and gave solutions: improve the prerequisites for effective PCA, the targeting '
        'systems, audit typology and resource management.',
        project_text='Training programs, and workshops on them, for auditors and other '
        'officers who could be deployed to the PCA section.'),
    (4, 'Tonga'): dict(
        lessons_use='A pre-audit survey is now conducted before the field audits.'),
    (4, 'Samoa'): dict(
        lessons_use="Voluntary compliance is encouraged following the WCO's risk-based "
        'compliance management pyramid.',
        project_text='Initiation of the Data Warehousing Project.'),
    (4, 'Sri Lanka'): dict(
        direct_effects_text='Newly improved PCA policies and procedures are implemented, with '
        'better attitude and behavior of PCA officers and more efficient operations.'),
    (4, 'Thailand'): dict(
        direct_effects_text='Implementation of the newly improved PCA policies and procedures '
        'increased the efficiency and effectiveness of our operational performance.'),
    (4, 'Bhutan'): dict(
        contributed_text='The workshop helped us develop, promote and maintain partnership '
        'with key stakeholders; it helped create a good working environment within the '
        'Customs division and improve the compliance of taxpayers.',
        project_text='Creation of a new PCA Unit.'),
    (4, 'Iran'): dict(
        project_text='Drafting the creation of a new PCA Unit.'),
    (4, 'Vanuatu'): dict(
        contributed_text='The workshop assisted in identifying gaps and weaknesses in the PCA '
        'system and provided solutions to improve PCA.',
        project_text='Drafting of the PCA manual and Standard Operational Procedures (SOPs).'),
    (4, 'Indonesia'): dict(
        project_text='A segmentation matrix of traders by their impact on national interest '
        '(x-axis) and compliance level (y-axis), to increase audit coverage and the accuracy '
        'of audit targets, treat high, medium and low risk traders effectively, equalize '
        'tasks among Customs divisions and minimize compliance costs.'),
    (4, 'Myanmar'): dict(
        project_text='Drafting of the PCA manual and Standard Operational Procedures (SOPs).'),
    (5, 'Fiji'): dict(
        other_action_text='Developed an IPR database and drew up a draft of the border '
        'measures needed to align with the TRIPS Agreement.',
        project_text='Development of the IPR database, with right holder contact addresses '
        'and patterns or pictures to identify counterfeit goods.'),
    (5, 'Pakistan'): dict(
        lessons_use='A new Directorate General of IPR Enforcement has been set up.'),
    (5, 'Thailand'): dict(
        project_text='Development of the IPR database (right holder contacts, patterns and '
        'pictures of counterfeit goods), and installation of an Anti-Smuggling Intelligence '
        'System for risk profiling of baggage and containerized cargo by route, country of '
        'origin, destination and other information.'),
    (5, 'Lao PDR'): dict(
        project_text='An IPR Regulation Revision Working Group was established to revise and '
        'draft new IPR regulation.'),
    (6, 'China'): dict(
        lessons_use='The division of the existing regional laboratories was re-designed on '
        'the experience gained, in particular what was shared on the structure of other '
        "Member administrations' Customs laboratories.",
        direct_effects_text='We edited some publications as a guide for frontline '
        'colleagues.',
        contributed_text='The workshop improved the network and cooperation among '
        'participants on testing and information sharing.'),
    (6, 'Bhutan'): dict(
        contributed_text='An opportunity to improve the network among Member administrations '
        'on testing and information sharing.'),
    (6, 'Indonesia'): dict(
        contributed_text='Improved network and cooperation with other Member administrations '
        'on testing and information sharing.'),
    (6, 'Korea'): dict(
        contributed_text='Better cooperation among the participating laboratories on testing '
        'and information sharing.'),
    (6, 'Malaysia'): dict(
        contributed_text='The workshop improved our network with other Customs laboratories '
        'for testing and information sharing.'),
    (6, 'Nepal'): dict(
        project_text='Improvement of the laboratory management system according to ISO '
        '17025.'),
    (6, 'Thailand'): dict(
        project_text='Information on laboratory analysis methods, case studies of goods '
        'analysis techniques, and HS and chemical aspects with focus on the HS2017 '
        'Amendments is provided on our website.'),
    (7, 'Sri Lanka'): dict(
        lessons_use='An implementation plan to profile and check the compliance level of '
        'importers and exporters, to grant "fast track" and "green channel" facilities.',
        contributed_text='Knowledge gained is vital to improve the efficiency and '
        'effectiveness of the newly established Risk Management Unit.'),
    (7, 'Hong Kong China'): dict(
        direct_effects_text='Risk profiles and the single trader database are developed and '
        'used to grade the reliability and risk of importers.',
        project_text='Discussion on a big data system to better manage the risks of '
        'different commodities, still in the discussion phase.'),
    (7, 'Mongolia'): dict(
        lessons_use='Recommendations to draft a revised Customs law, in its chapters on risk '
        'management and AEO.',
        made_recommendations=True),
    (7, 'Thailand'): dict(
        project_text='Installation of a new profiling computer system to analyze the large '
        'data collected and improve the effectiveness and efficiency of risk profiling.'),
    (8, 'Malaysia'): dict(
        contributed_text="With the observation of the other countries' practice, we are able "
        'to put a clearer target on compliance with international standards.'),
    (9, 'Pakistan'): dict(
        other_action_text='Developed the Customs Electronic Payment Gateway for the National '
        'Single Window, and took steps to manage Customs data as per the big data study.',
        direct_effects_text='Target profiling improved through enhanced data analysis; the '
        'uniform and transparent flow of information gives faster clearance.',
        contributed_text='The workshop helped us assess and integrate other agencies\' data '
        'with our administration\'s data and automate some business processes.'),
    (9, 'India'): dict(
        lessons_use='Applying the Internet of Things (IoT) to streamline and track important '
        'projects and in our day-to-day work.',
        direct_effects_text='A research mind-set is fostered before new projects are '
        'implemented; people are now aware of the tools and techniques shared by the WCO.',
        project_text='The "hands-on simulated training" for supporting staff is upgraded and '
        'detailed digital handbooks are prepared to guide field formations. We also started '
        'using cloud computing and IoT to collect data from the field all over the '
        'country.'),
    (9, 'Fiji'): dict(
        direct_effects_text='Improved target profiling through enhanced data analysis, with '
        'uniform and transparent information flows and faster clearance.',
        project_text='Improvements to the digital system are planned to fully automate the '
        'Customs manual processes, including e-payment and the message authorizing cargo '
        'containers to be released from the wharf.'),
    (9, 'Malaysia'): dict(
        lessons_use='The knowledge gained is shared with other agencies and ASEAN Member '
        'States on Customs trade facilitation, cross-border information for risk management '
        'and business process analysis for pre-arrival processing.'),
    (9, 'Maldives'): dict(
        contributed_text='The workshop helped us assess and integrate other relevant '
        "agencies' data with our data and automate some business processes.",
        project_text='Integration of electronic air cargo manifest data from cargo agents '
        'and airlines.'),
    (10, 'Pakistan'): dict(
        other_action_text='Special enforcement teams were set up to contend with cash '
        'smuggling and to identify terrorists and drug traffickers.',
        # A reply on two lines: the CSV cell holds a line break.
        lessons_use='All powers over the cross-border movement of arms and precursor '
        'chemicals and over cash smuggling are entrusted to the Frontier Corps within 20 km '
        'of the Pakistan-Afghanistan border.\nSpecial teams have been constituted at the '
        'international airports.',
        project_text='In the process of developing an API/PNR system.'),
    (10, 'Papua New Guinea'): dict(
        other_action_text='Developed an internal policy paper on coordinated border '
        'administration and security at the PNG-Indonesia border.',
        project_text='The computerization program has been stepped up, and additional x-ray '
        'machines installed at seaports and airports.'),
    (10, 'Samoa'): dict(
        other_action_text='Awareness-raising and educational presentations to local seasonal '
        'workers on the consequences of attempting to smuggle firearms and ammunition.'),
    (10, 'Fiji'): dict(
        project_text='Installation of the CEN and nCEN, so that information with indicators '
        'and the reasons for them is available to Investigation Officers.'),
    (10, 'Philippines'): dict(
        project_text='The computerization program has been stepped up; additional x-ray '
        'machines are installed at seaports and airports.'),
    (11, 'Lao PDR'): dict(
        other_action_text='Initiated cooperation with the postal authority.'),
    (11, 'Malaysia'): dict(
        lessons_use='Integrating the Customs Declaration System (CDS) with our clearance '
        'system to make the work process more efficient.',
        project_text='Study on implementing the Customs Declaration System (CDS) or '
        'incorporating it in the new Customs systems. Publishing of a Technical Services '
        'Bulletin on Transfer Pricing Documentation in customs valuation.'),
    (11, 'Viet Nam'): dict(
        lessons_use='Integration of the Customs Declaration System (CDS) with our clearance '
        'system.',
        project_text='Study on implementing the Customs Declaration System (CDS).'),
    (11, 'Bhutan'): dict(
        direct_effects_text='Frontline officers understand better how to read the labels of '
        'packages for screening and other control measures.',
        contributed_text='Improved client service delivery through targeted screening.',
        project_text='Study on the possibilities of implementing the Customs Declaration '
        'System (CDS) or incorporating it in the upcoming Customs system.'),
    (11, 'Maldives'): dict(
        direct_effects_text='Frontline officers now read package labels better for screening '
        'and other controls.',
        project_text='Study on incorporating the Customs Declaration System (CDS) in the new '
        'Customs system.'),
    (11, 'China'): dict(
        contributed_text='Client service delivery improves through targeted screening '
        'processing.'),
    (12, 'Maldives'): dict(
        other_action_text='Contributed an article on the experience gained at the workshop '
        'to the monthly journal of the Maldives Customs Service.'),
    (12, 'India'): dict(
        lessons_use='The existing Automated Recordation and Targeting System (ARTS) for IPR '
        'protection is being replaced with a new advanced IPR Recordation Portal.'),
    (12, 'Pakistan'): dict(
        lessons_use='Product identification sheets and booklets are developed locally with '
        'the help of stakeholders.'),
    (12, 'Lao PDR'): dict(
        lessons_use='Revision of the IPR protection legislation.',
        direct_effects_text='The importance of IPR protection is recognized, which has led '
        'to the drafting of a new IPR regulation.'),
    (12, 'Tonga'): dict(
        lessons_use='Revision of the IPR protection legislation.'),
    (12, 'Bangladesh'): dict(
        project_text="Incorporation of the Right Holders' Recordation System in ASYCUDA World "
        'with new IPR rules.'),
    (12, 'Mongolia'): dict(
        project_text='A post on the Customs homepage in English promotes the registration of '
        "traders' IPR with Customs."),
    (12, 'Viet Nam'): dict(
        project_text='Plan to develop an IPR data system.'),
    (13, 'Fiji'): dict(
        lessons_use='Joint company audits are conducted with the tax division.'),
    (13, 'Bhutan'): dict(
        direct_effects_text='Customs officials have changed their strategy to cope with the '
        'tactics business people use to undervalue goods.'),
}

# Administrations the report does not name, chosen to take part and reply, so that each
# workshop's list reads like a real one. The rest are drawn at random.
EXTRA_REPLIES = {
    1: ['Fiji', 'Tonga', 'Vanuatu'],
    7: ['Afghanistan'],
    8: ['Philippines'],
    13: ['Papua New Guinea'],
}

# A few people attended two workshops: the JEA train-the-trainer and its follow-up, and the
# two digital customs events. The same person (same e-mail) both times.
SAME_PERSON = [
    (5, 12, 'Lao PDR'), (5, 12, 'Pakistan'), (5, 12, 'Viet Nam'), (5, 12, 'Bangladesh'),
    (3, 9, 'Maldives'), (3, 9, 'India'),
]
# Participants without an e-mail address: they are found by name and administration.
NO_EMAIL = [(1, 'Timor-Leste'), (7, 'Afghanistan'), (13, 'Papua New Guinea')]

# Short answers for the replies the report does not quote; some replies leave them blank.
LESSONS_USE = [
    'Shared with the divisions concerned and used to review our procedures.',
    'The lessons learned are reflected in the training curriculum of our Customs academy.',
    'The materials are on our intranet for all officers concerned.',
    'Used in daily operations at the main ports of entry.',
    'Management considered the recommendations in the annual work plan.',
    'The good practices of other administrations were compared with ours.',
    'Briefings were given to frontline officers at the regional offices.',
]
OTHER_ACTION = [
    'Briefed the other border agencies on the workshop.',
    'Presented the outcomes to the private sector consultative committee.',
    'Shared the recommendations with the Ministry of Finance.',
    'Proposed amendments to the relevant regulations to align with the good practices '
    'learned.',
    'Included the topic in the induction course for new officers.',
]
NO_EFFECTS = [
    'Not yet: the methods are still being introduced.',
    'It will take more time for the effects to show at the border.',
    'The new practices are not yet in place.',
]


def parse_day(text):
    return datetime.date.fromisoformat(text)


def add_months(day, months):
    """DOMAIN.md's rule: a day past the target month's end falls back to its last day."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for mday in range(day.day, 0, -1):
        try:
            return datetime.date(year, month, mday)
        except ValueError:
            continue
    raise AssertionError('unreachable')


# The schedule with the default rules: 6 months, 30 days, reminder 7 days before.
def planned_date(workshop):
    return add_months(parse_day(workshop['end']), 6)


def deadline(workshop):
    return planned_date(workshop) + datetime.timedelta(days=30)


def reminder_date(workshop):
    return deadline(workshop) - datetime.timedelta(days=7)


LAST_REPLY = datetime.date(2018, 1, 31)  # "the last survey was completed in January 2018"


def ascii_fold(text):
    text = text.replace('Đ', 'D').replace('đ', 'd')
    text = unicodedata.normalize('NFKD', text)
    return ''.join(c for c in text if not unicodedata.combining(c))


def email_part(text):
    text = ascii_fold(text).lower()
    return ''.join(c for c in text if c.isalnum() or c == '-')


PARTICLES = {'bin', 'binti', 'haji', 'md.', 'da', 'dela'}


def email_for(admin, name, given, family, taken):
    code = MEMBERS[admin][0]
    if given is not None:
        local = email_part(given) + '.' + email_part(family)
    else:
        words = [w for w in name.split() if w.lower() not in PARTICLES]
        local = email_part(words[0]) + '.' + email_part(words[-1])
    address = '%s@customs-%s.example' % (local, code)
    n = 2
    while address in taken:
        address = '%s%d@customs-%s.example' % (local, n, code)
        n += 1
    taken.add(address)
    return address


class People:
    """Distinct made-up people per administration."""

    def __init__(self, rng):
        self.rng = rng
        self.used = {admin: set() for admin in MEMBERS}
        self.emails = set()

    def new(self, admin, position):
        code, order, first, second = MEMBERS[admin]
        for _ in range(1000):
            if order == 'list':
                given, family = None, None
                name = self.rng.choice(first)
            else:
                given, family = self.rng.choice(first), self.rng.choice(second)
                name = '%s %s' % ((given, family) if order == 'gf' else (family, given))
            if name not in self.used[admin]:
                break
        else:
            raise AssertionError('not enough names for %s' % admin)
        self.used[admin].add(name)
        return dict(name=name, administration=admin, position=position,
                    email=email_for(admin, name, given, family, self.emails))


def pick(rng, pool, required, count):
    """@required plus members of @pool drawn at random, @count in all, sorted."""
    required = list(dict.fromkeys(required))
    assert len(required) <= count, (required, count)
    rest = sorted(set(pool) - set(required))
    return sorted(required + rng.sample(rest, count - len(required)))


def spread(rng, candidates, count, forced, weights=None):
    """@count of @candidates: all of @forced, the others at random (weighted)."""
    chosen = list(forced)
    assert len(chosen) <= count, (forced, count)
    rest = [c for c in candidates if c not in chosen]
    while len(chosen) < count:
        w = [weights(c) if weights else 1 for c in rest]
        c = rng.choices(rest, weights=w)[0]
        rest.remove(c)
        chosen.append(c)
    return set(chosen)


def make_replies(rng, number, workshop, responders):
    """The replies of workshop (@number), one per responding administration."""
    n_replies = TABLE_1[number - 1][1]
    ticks = TABLE_2[number - 1]
    examples = {a: EXAMPLES.get((number, a), {}) for a in responders}

    # Q1 ticks; every reply ticks at least one box, so draw again until it does.
    for _ in range(1000):
        ticked = {a: set() for a in responders}
        for i, action in enumerate(ACTIONS):
            if action == 'inhouse_workshop':
                chosen = set(INHOUSE[number - 1])
            else:
                forced = [a for a in responders
                          if examples[a].get(action) or
                          (action == 'other_action' and 'other_action_text' in examples[a])]
                chosen = spread(rng, responders, ticks[i], forced)
            for a in chosen:
                ticked[a].add(action)
        if all(ticked.values()):
            break
    else:
        raise AssertionError('workshop (%d): no tick draw gives every reply a tick' % number)

    # Q3 to Q5: the report's examples said yes; those who held in-house workshops are more
    # likely to have seen effects ("these in-house workshops brought more positive results").
    def weight(a):
        return 3 if 'inhouse_workshop' in ticked[a] else 1

    answers = {}
    for key, table, text in (('direct_effects', TABLE_3, 'direct_effects_text'),
                             ('contributed', TABLE_4, 'contributed_text'),
                             ('project_initiated', TABLE_5, 'project_text')):
        yes_count, no_count = table[number - 1]
        forced = [a for a in responders if text in examples[a]]
        yes = spread(rng, responders, yes_count, forced, weight)
        others = [a for a in responders if a not in yes]
        no = set(rng.sample(others, no_count))
        answers[key] = {a: 'yes' if a in yes else 'no' if a in no else '' for a in responders}

    replies = []
    sent, due, remind = planned_date(workshop), deadline(workshop), reminder_date(workshop)
    for a in responders:
        ex = examples[a]
        r = dict(administration=a)
        for action in ACTIONS:
            r[action] = 'yes' if action in ticked[a] else 'no'
        r['colleagues_shared'] = r['colleagues_learned'] = ''
        if 'shared_materials' in ticked[a]:
            # Materials on an intranet reach many; a print-out a few.
            shared = rng.choice([rng.randint(3, 25), rng.randint(10, 60),
                                 rng.randint(100, 400)])
            r['colleagues_shared'] = str(shared)
            if rng.random() < 0.85:
                r['colleagues_learned'] = str(max(1, round(shared * rng.uniform(0.4, 1.0))))
        r['other_action_text'] = ''
        if 'other_action' in ticked[a]:
            r['other_action_text'] = ex.get('other_action_text') or rng.choice(OTHER_ACTION)
        r['lessons_use'] = ex.get('lessons_use') or (
            rng.choice(LESSONS_USE) if rng.random() < 0.6 else '')
        for key, text in (('direct_effects', 'direct_effects_text'),
                          ('contributed', 'contributed_text'),
                          ('project_initiated', 'project_text')):
            r[key] = answers[key][a]
            r[text] = ex.get(text, '')
        if r['direct_effects'] == 'no' and rng.random() < 0.5:
            r['direct_effects_text'] = rng.choice(NO_EFFECTS)

        # Most reply before the reminder, some after it, a few after the deadline.
        roll = rng.random()
        if roll < 0.62:
            received = sent + datetime.timedelta(days=rng.randint(1, (remind - sent).days - 1))
        elif roll < 0.87:
            received = remind + datetime.timedelta(days=rng.randint(1, (due - remind).days))
        else:
            late = min((LAST_REPLY - due).days, 75)
            received = due + datetime.timedelta(days=rng.randint(1, late))
        assert sent < received <= LAST_REPLY and received != remind
        r['received_date'] = received.isoformat()
        replies.append(r)

    assert len(replies) == n_replies
    return replies


def generate():
    rng = random.Random(SEED)
    people = People(rng)
    members = sorted(MEMBERS)
    attendances = []   # (workshop number, person)
    replies = []       # (workshop number, person, answers)
    person_of = {}     # (workshop number, administration) -> person

    for number, workshop in enumerate(WORKSHOPS, 1):
        n_admins, n_replies = TABLE_1[number - 1]
        pool = workshop.get('pool', members)
        named = sorted({a for (n, a) in EXAMPLES if n == number})
        required = named + INHOUSE[number - 1] + EXTRA_REPLIES.get(number, [])
        responders = pick(rng, pool, required, n_replies)
        host = [workshop['host']] if workshop['host'] else []
        also = [a for (first, second, a) in SAME_PERSON if number in (first, second)]
        also += [a for (n, a) in NO_EMAIL if n == number]
        admins = pick(rng, pool, responders + host + also, n_admins)
        assert set(admins) <= set(pool)

        for admin in admins:
            earlier = [first for (first, second, a) in SAME_PERSON
                       if second == number and a == admin]
            if earlier:
                person = person_of[(earlier[0], admin)]
            else:
                person = people.new(admin, rng.choice(workshop['positions']))
                if (number, admin) in NO_EMAIL:
                    person['email'] = ''
            person_of[(number, admin)] = person
            attendances.append((number, person))

        for r in make_replies(rng, number, workshop, responders):
            replies.append((number, person_of[(number, r['administration'])], r))

    for first, second, admin in SAME_PERSON:
        assert person_of[(first, admin)] is person_of[(second, admin)]
    return attendances, replies


# ---- The check: the data against the tables typed above -----------------------------------

def check(attendances, replies):
    summary = []
    inhouse_admins = set()
    for number, workshop in enumerate(WORKSHOPS, 1):
        people = [p for (n, p) in attendances if n == number]
        rows = [r for (n, p, r) in replies if n == number]
        admins = {p['administration'] for p in people}
        assert (len(admins), len(rows)) == TABLE_1[number - 1], number
        assert len(people) == len(admins), 'one participant per administration'
        assert {r['administration'] for r in rows} <= admins
        ticks = tuple(sum(r[a] == 'yes' for r in rows) for a in ACTIONS)
        assert ticks == TABLE_2[number - 1], (number, ticks)
        for key, table in (('direct_effects', TABLE_3), ('contributed', TABLE_4),
                           ('project_initiated', TABLE_5)):
            counted = (sum(r[key] == 'yes' for r in rows), sum(r[key] == 'no' for r in rows))
            assert counted == table[number - 1], (number, key, counted)
        inhouse_admins |= {r['administration'] for r in rows if r['inhouse_workshop'] == 'yes'}
        for (n, a), ex in EXAMPLES.items():
            if n == number:
                (r,) = [r for r in rows if r['administration'] == a]
                for field, text in ex.items():
                    if isinstance(text, str):
                        assert r[field] == text, (number, a, field)
        start, end = parse_day(workshop['start']), parse_day(workshop['end'])
        assert 3 <= (end - start).days + 1 <= 5
        fy_first, fy_last = datetime.date(2016, 7, 1), datetime.date(2017, 6, 30)
        assert fy_first <= start <= fy_last
        learned = sum(int(r['colleagues_learned'] or 0) for r in rows)
        summary.append((workshop, len(admins), len(people), len(rows), ticks,
                        TABLE_3[number - 1], TABLE_4[number - 1], TABLE_5[number - 1],
                        learned))

    assert sorted(inhouse_admins) == INHOUSE_ADMINISTRATIONS
    assert sum(len(x) for x in INHOUSE) == TOTALS['actions'][3]
    assert sum(a for (a, _) in TABLE_1) == TOTALS['administrations']
    assert sum(r for (_, r) in TABLE_1) == TOTALS['replies']
    assert tuple(map(sum, zip(*TABLE_2))) == TOTALS['actions']
    assert tuple(map(sum, zip(*TABLE_3))) == TOTALS['direct_effects']
    assert tuple(map(sum, zip(*TABLE_4))) == TOTALS['contributed']
    assert tuple(map(sum, zip(*TABLE_5))) == TOTALS['project']
    starts = [w['start'] for w in WORKSHOPS]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)

    emails = {}
    for _, p in attendances:
        if p['email']:
            assert emails.setdefault(p['email'], id(p)) == id(p), p['email']
    return summary


# ---- Output -----------------------------------------------------------------------------

def write_csv(path, columns, rows):
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator='\n')
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, '') for c in columns])
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(buf.getvalue())


def reply_rate(replies, participants):
    """One decimal, rounded half up, as the export writes it."""
    tenths = (replies * 1000 + participants // 2) // participants
    return '%d.%d' % (tenths // 10, tenths % 10)


def golden_cell(text):
    """The export's quoting: only when needed (none of these cells needs a guard)."""
    text = str(text)
    assert text[:1] not in ('=', '+', '-', '@', '\t', '\r', "'")
    if any(c in text for c in ',"\r\n') or text != text.strip(' '):
        return '"%s"' % text.replace('"', '""')
    return text


def write_golden(path, summary):
    columns = ['workshop_code', 'workshop', 'start_date', 'end_date', 'administrations',
               'participants', 'replies', 'reply_rate', 'shared_materials',
               'submitted_report', 'made_recommendations', 'inhouse_workshop',
               'developed_manuals', 'other_action', 'direct_effects_yes',
               'direct_effects_no', 'contributed_yes', 'contributed_no', 'project_yes',
               'project_no', 'colleagues_learned']
    lines = [columns]
    total = [0] * 17
    for (w, admins, people, n, ticks, de, co, pr, learned) in summary:
        numbers = [admins, people, n, *ticks, *de, *co, *pr, learned]
        total = [t + x for t, x in zip(total, numbers)]
        lines.append([w['code'], w['title'], w['start'], w['end'], *numbers[:3],
                      reply_rate(n, people), *numbers[3:]])
    assert total[0] == 261 and total[2] == 148
    lines.append(['TOTAL', 'Total', '', '', *total[:3], reply_rate(total[2], total[1]),
                  *total[3:]])
    with open(path, 'w', encoding='utf-8', newline='') as f:
        for line in lines:
            f.write(','.join(golden_cell(c) for c in line) + '\r\n')


def main():
    attendances, replies = generate()
    summary = check(attendances, replies)

    os.makedirs(SAMPLE_DIR, exist_ok=True)
    write_csv(os.path.join(SAMPLE_DIR, 'workshops.csv'),
              ['code', 'title', 'kind', 'start_date', 'end_date', 'venue',
               'host_administration', 'co_organizer', 'surveyed'],
              [dict(code=w['code'], title=w['title'], kind=w['kind'], start_date=w['start'],
                    end_date=w['end'], venue=w['venue'], host_administration=w['host'],
                    co_organizer=w.get('co', ''), surveyed='yes') for w in WORKSHOPS])
    write_csv(os.path.join(SAMPLE_DIR, 'participants.csv'),
              ['workshop_code', 'name', 'administration', 'email', 'position'],
              [dict(workshop_code=WORKSHOPS[n - 1]['code'], **p) for (n, p) in attendances])
    write_csv(os.path.join(SAMPLE_DIR, 'responses.csv'),
              ['workshop_code', 'email', 'name', 'administration', 'received_date',
               *ACTIONS[:1], 'colleagues_shared', *ACTIONS[1:], 'other_action_text',
               'colleagues_learned', 'lessons_use', 'direct_effects', 'direct_effects_text',
               'contributed', 'contributed_text', 'project_initiated', 'project_text'],
              [dict(r, workshop_code=WORKSHOPS[n - 1]['code'], email=p['email'],
                    name=p['name']) for (n, p, r) in replies])
    write_golden(GOLDEN, summary)
    print('make-sample: %d attendances, %d replies: Tables 1 to 5 check out'
          % (len(attendances), len(replies)), file=sys.stderr)


if __name__ == '__main__':
    main()
