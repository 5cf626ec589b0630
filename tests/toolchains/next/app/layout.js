// No favicon request: the test counts every failed request.
export const metadata = { title: "freedom-widget in an app", icons: { icon: "data:," } };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
