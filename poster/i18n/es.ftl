# Machine-drafted; please review.
-lang-name = Español
-lang-dir = ltr
poster-title = Trata de personas: puedes recibir ayuda
poster-lead = ¿Te obligan a trabajar o a ejercer el sexo, te engañaron con un empleo o no puedes irte? Contacta una línea de abajo.
poster-more-lines = Más líneas: escanea el código.
poster-scan = Escanea para ver todas las formas de pedir ayuda, en tu idioma.
p-prosecution-line = Los tratantes son investigados, acusados y juzgados.
p-protection-line = Las personas tratadas son víctimas, no delincuentes.
p-prevention-line = La trata se detiene antes de que empiece.
p-partnership-line = Gobiernos, sobrevivientes, organizaciones, empresas y vecinos trabajan juntos.
