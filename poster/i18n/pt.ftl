# Machine-drafted; please review.
-lang-name = Português
-lang-dir = ltr
poster-title = Tráfico de pessoas: você pode obter ajuda
poster-lead = Forçado a trabalhar ou a vender sexo, enganado com um emprego, sem liberdade para sair? Contate uma linha abaixo.
poster-more-lines = Mais linhas: leia o código.
poster-scan = Leia o código para ver todas as formas de pedir ajuda, no seu idioma.
p-prosecution-line = Os traficantes são investigados, acusados e julgados.
p-protection-line = Pessoas traficadas são tratadas como vítimas, não como criminosas.
p-prevention-line = O tráfico é impedido antes de começar.
p-partnership-line = Governos, sobreviventes, organizações, empresas e vizinhos trabalham juntos.
