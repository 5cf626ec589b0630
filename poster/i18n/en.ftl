# The poster's own strings (the rest come from the widget's i18n/). English is the reference.
-lang-name = English
-lang-dir = ltr
poster-title = Human trafficking: you can get help
poster-lead = Forced to work or sell sex, tricked about a job, or not free to leave? Contact a line below.
poster-more-lines = More lines: scan the code.
poster-scan = Scan for every way to get help, in your language.
p-prosecution-line = Traffickers are investigated, charged and tried.
p-protection-line = People who were trafficked are treated as victims, not criminals.
p-prevention-line = Trafficking is stopped before it starts.
p-partnership-line = Governments, survivors, charities, businesses and neighbours work together.
