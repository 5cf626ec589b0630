# Machine-drafted; please review.
-lang-name = Tiếng Việt
-lang-dir = ltr
poster-title = Mua bán người: bạn có thể được giúp đỡ
poster-lead = Bị ép làm việc hoặc bán dâm, bị lừa về việc làm, hoặc không được tự do rời đi? Hãy liên hệ một đường dây dưới đây.
poster-more-lines = Thêm đường dây: quét mã.
poster-scan = Quét mã để xem mọi cách nhận trợ giúp, bằng ngôn ngữ của bạn.
p-prosecution-line = Kẻ buôn người bị điều tra, truy tố và xét xử.
p-protection-line = Người bị mua bán được đối xử như nạn nhân, không phải tội phạm.
p-prevention-line = Ngăn chặn mua bán người trước khi nó xảy ra.
p-partnership-line = Chính phủ, người sống sót, tổ chức từ thiện, doanh nghiệp và hàng xóm cùng hợp tác.
