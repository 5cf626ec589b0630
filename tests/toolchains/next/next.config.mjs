/** A static export, served like the other apps' builds. */
export default { output: "export" };
