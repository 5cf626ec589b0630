# Machine-drafted; please review.
-lang-name = Français
-lang-dir = ltr
poster-title = Traite des êtres humains : vous pouvez obtenir de l’aide
poster-lead = Forcé·e à travailler ou à vendre du sexe, trompé·e sur un emploi, pas libre de partir ? Contactez une ligne ci-dessous.
poster-more-lines = Autres lignes : scannez le code.
poster-scan = Scannez pour tous les moyens d’obtenir de l’aide, dans votre langue.
p-prosecution-line = Les trafiquants sont recherchés, poursuivis et jugés.
p-protection-line = Les personnes victimes de traite sont traitées en victimes, pas en criminelles.
p-prevention-line = La traite est arrêtée avant de commencer.
p-partnership-line = États, survivants, associations, entreprises et voisins agissent ensemble.
