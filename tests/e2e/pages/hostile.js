// Old plugins: enumerable members on built-in prototypes, and shims replacing built-ins.
Object.prototype.hostileFlag = "from the host page";
Array.prototype.hostileEach = function (f) { for (let i = 0; i < this.length; i++) f(this[i], i); };
const nativeMap = Array.prototype.map;
Array.prototype.map = function (f, self) { return nativeMap.call(this, f, self); };
Array.prototype.forEach = function (f, self) { for (let i = 0; i < this.length; i++) if (i in this) f.call(self, this[i], i, this); };
String.prototype.hostileTrim = function () { return this.trim(); };
window.hostileReady = true;
