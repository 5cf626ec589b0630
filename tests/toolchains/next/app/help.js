"use client";
import { useEffect, useRef } from "react";
import { mount } from "freedom-widget";
import "freedom-widget/element";

export default function Help() {
  const ref = useRef(null);
  useEffect(() => {
    const handle = mount(ref.current, { country: "US", lang: "es" });
    return () => handle.destroy();
  }, []);
  return (
    <>
      <div id="help" ref={ref} />
      <freedom-widget country="MX" lang="es" />
    </>
  );
}
