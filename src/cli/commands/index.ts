import type { RegisteredCommand } from "../command";
import { consolidate } from "./consolidate";
import { diff } from "./diff";
import { fields } from "./fields";
import { info } from "./info";
import { nationalTemplate } from "./national-template";
import { refresh } from "./refresh";
import { review } from "./review";
import { sample } from "./sample";
import { template } from "./template";
import { validate } from "./validate";

/** Every `ip-report` command, in the order the help lists them. */
export const COMMANDS: readonly RegisteredCommand[] = [
  template,
  fields,
  validate,
  sample,
  info,
  refresh,
  consolidate,
  nationalTemplate,
  review,
  diff,
];
