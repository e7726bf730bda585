"use strict";
// uuid 14 (overridden for its advisory fix) ships as ES modules only. Node >= 20.19 require()s it natively,
// but jest's CommonJS runtime cannot; ExcelJS only ever calls v4(), which node:crypto provides.
const { randomUUID } = require("node:crypto");
module.exports = { v4: () => randomUUID() };
