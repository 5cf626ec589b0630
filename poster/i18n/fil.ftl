# Machine-drafted; please review.
-lang-name = Filipino
-lang-dir = ltr
poster-title = Human trafficking: may tulong para sa iyo
poster-lead = Pinipilit kang magtrabaho o magbenta ng aliw, nalinlang sa trabaho, o hindi malayang umalis? Tumawag sa linya sa ibaba.
poster-more-lines = Iba pang linya: i-scan ang code.
poster-scan = I-scan para sa lahat ng paraan ng paghingi ng tulong, sa iyong wika.
p-prosecution-line = Iniimbestigahan, kinakasuhan at nililitis ang mga trafficker.
p-protection-line = Ang mga na-traffic ay itinuturing na biktima, hindi kriminal.
p-prevention-line = Pinipigilan ang trafficking bago pa ito magsimula.
p-partnership-line = Nagtutulungan ang pamahalaan, mga survivor, kawanggawa, negosyo at kapitbahay.
