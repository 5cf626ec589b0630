# Machine-drafted; please review.
-lang-name = 简体中文
-lang-dir = ltr
poster-title = 人口贩卖：你可以获得帮助
poster-lead = 被迫工作或卖淫、被虚假工作欺骗、无法自由离开？请联系下面的热线。
poster-more-lines = 更多热线：请扫描二维码。
poster-scan = 扫码查看用你的语言求助的所有方式。
p-prosecution-line = 人贩子会被调查、起诉和审判。
p-protection-line = 被贩卖的人被视为受害者，而不是罪犯。
p-prevention-line = 在人口贩卖发生之前加以阻止。
p-partnership-line = 政府、幸存者、慈善机构、企业和邻里携手合作。
