import type { RegisteredCommand } from "../command";
import { fields } from "./fields";
import { info } from "./info";
import { refresh } from "./refresh";
import { sample } from "./sample";
import { template } from "./template";
import { validate } from "./validate";

/** Every `ip-report` command, in the order the help lists them. */
export const COMMANDS: readonly RegisteredCommand[] = [template, fields, validate, sample, info, refresh];
