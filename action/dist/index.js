import { createRequire as __stacklintCreateRequire } from 'node:module';
const require = __stacklintCreateRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// node_modules/@actions/core/lib/core.js
var core_exports = {};
__export(core_exports, {
  ExitCode: () => ExitCode,
  addPath: () => addPath,
  debug: () => debug,
  endGroup: () => endGroup,
  error: () => error,
  exportVariable: () => exportVariable,
  getBooleanInput: () => getBooleanInput,
  getIDToken: () => getIDToken,
  getInput: () => getInput,
  getMultilineInput: () => getMultilineInput,
  getState: () => getState,
  group: () => group,
  info: () => info,
  isDebug: () => isDebug,
  markdownSummary: () => markdownSummary,
  notice: () => notice,
  platform: () => platform_exports,
  saveState: () => saveState,
  setCommandEcho: () => setCommandEcho,
  setFailed: () => setFailed,
  setOutput: () => setOutput,
  setSecret: () => setSecret,
  startGroup: () => startGroup,
  summary: () => summary,
  toPlatformPath: () => toPlatformPath,
  toPosixPath: () => toPosixPath,
  toWin32Path: () => toWin32Path,
  warning: () => warning
});

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties2) {
  if (!Object.keys(annotationProperties2).length) {
    return {};
  }
  return {
    title: annotationProperties2.title,
    file: annotationProperties2.file,
    line: annotationProperties2.startLine,
    endLine: annotationProperties2.endLine,
    col: annotationProperties2.startColumn,
    endColumn: annotationProperties2.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter2 = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";
import * as path2 from "path";

// left-out:@actions/http-client
var missing = () => {
  throw new Error("stacklint: @actions/http-client is not bundled");
};
var HttpClient = class {
  constructor() {
    missing();
  }
};

// left-out:@actions/http-client/lib/auth
var missing2 = () => {
  throw new Error("stacklint: @actions/http-client/lib/auth is not bundled");
};
var BearerCredentialHandler = class {
  constructor() {
    missing2();
  }
};

// node_modules/@actions/core/lib/oidc-utils.js
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var OidcClient = class _OidcClient {
  static createHttpClient(allowRetry = true, maxRetry = 10) {
    const requestOptions = {
      allowRetries: allowRetry,
      maxRetries: maxRetry
    };
    return new HttpClient("actions/oidc-client", [new BearerCredentialHandler(_OidcClient.getRequestToken())], requestOptions);
  }
  static getRequestToken() {
    const token = process.env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"];
    if (!token) {
      throw new Error("Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable");
    }
    return token;
  }
  static getIDTokenUrl() {
    const runtimeUrl = process.env["ACTIONS_ID_TOKEN_REQUEST_URL"];
    if (!runtimeUrl) {
      throw new Error("Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable");
    }
    return runtimeUrl;
  }
  static getCall(id_token_url) {
    return __awaiter(this, void 0, void 0, function* () {
      var _a;
      const httpclient = _OidcClient.createHttpClient();
      const res = yield httpclient.getJson(id_token_url).catch((error2) => {
        throw new Error(`Failed to get ID Token. 
 
        Error Code : ${error2.statusCode}
 
        Error Message: ${error2.message}`);
      });
      const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
      if (!id_token) {
        throw new Error("Response json body do not have ID Token field");
      }
      return id_token;
    });
  }
  static getIDToken(audience) {
    return __awaiter(this, void 0, void 0, function* () {
      try {
        let id_token_url = _OidcClient.getIDTokenUrl();
        if (audience) {
          const encodedAudience = encodeURIComponent(audience);
          id_token_url = `${id_token_url}&audience=${encodedAudience}`;
        }
        debug(`ID token url is ${id_token_url}`);
        const id_token = yield _OidcClient.getCall(id_token_url);
        setSecret(id_token);
        return id_token;
      } catch (error2) {
        throw new Error(`Error message: ${error2.message}`);
      }
    });
  }
};

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter2(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter2(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter2(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var markdownSummary = _summary;
var summary = _summary;

// node_modules/@actions/core/lib/path-utils.js
import * as path from "path";
function toPosixPath(pth) {
  return pth.replace(/[\\]/g, "/");
}
function toWin32Path(pth) {
  return pth.replace(/[/]/g, "\\");
}
function toPlatformPath(pth) {
  return pth.replace(/[/\\]/g, path.sep);
}

// node_modules/@actions/core/lib/platform.js
var platform_exports = {};
__export(platform_exports, {
  arch: () => arch,
  getDetails: () => getDetails,
  isLinux: () => isLinux,
  isMacOS: () => isMacOS,
  isWindows: () => isWindows,
  platform: () => platform
});
import os3 from "os";

// left-out:@actions/exec
var missing3 = () => {
  throw new Error("stacklint: @actions/exec is not bundled");
};
var getExecOutput = missing3;

// node_modules/@actions/core/lib/platform.js
var __awaiter3 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var getWindowsInfo = () => __awaiter3(void 0, void 0, void 0, function* () {
  const { stdout: version2 } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', void 0, {
    silent: true
  });
  const { stdout: name } = yield getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', void 0, {
    silent: true
  });
  return {
    name: name.trim(),
    version: version2.trim()
  };
});
var getMacOsInfo = () => __awaiter3(void 0, void 0, void 0, function* () {
  var _a, _b, _c, _d;
  const { stdout } = yield getExecOutput("sw_vers", void 0, {
    silent: true
  });
  const version2 = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : "";
  const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : "";
  return {
    name,
    version: version2
  };
});
var getLinuxInfo = () => __awaiter3(void 0, void 0, void 0, function* () {
  const { stdout } = yield getExecOutput("lsb_release", ["-i", "-r", "-s"], {
    silent: true
  });
  const [name, version2] = stdout.trim().split("\n");
  return {
    name,
    version: version2
  };
});
var platform = os3.platform();
var arch = os3.arch();
var isWindows = platform === "win32";
var isMacOS = platform === "darwin";
var isLinux = platform === "linux";
function getDetails() {
  return __awaiter3(this, void 0, void 0, function* () {
    return Object.assign(Object.assign({}, yield isWindows ? getWindowsInfo() : isMacOS ? getMacOsInfo() : getLinuxInfo()), {
      platform,
      arch,
      isWindows,
      isMacOS,
      isLinux
    });
  });
}

// node_modules/@actions/core/lib/core.js
var __awaiter4 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function exportVariable(name, val) {
  const convertedVal = toCommandValue(val);
  process.env[name] = convertedVal;
  const filePath = process.env["GITHUB_ENV"] || "";
  if (filePath) {
    return issueFileCommand("ENV", prepareKeyValueMessage(name, val));
  }
  issueCommand("set-env", { name }, convertedVal);
}
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function addPath(inputPath) {
  const filePath = process.env["GITHUB_PATH"] || "";
  if (filePath) {
    issueFileCommand("PATH", inputPath);
  } else {
    issueCommand("add-path", {}, inputPath);
  }
  process.env["PATH"] = `${inputPath}${path2.delimiter}${process.env["PATH"]}`;
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function getMultilineInput(name, options) {
  const inputs = getInput(name, options).split("\n").filter((x) => x !== "");
  if (options && options.trimWhitespace === false) {
    return inputs;
  }
  return inputs.map((input) => input.trim());
}
function getBooleanInput(name, options) {
  const trueValue = ["true", "True", "TRUE"];
  const falseValue = ["false", "False", "FALSE"];
  const val = getInput(name, options);
  if (trueValue.includes(val))
    return true;
  if (falseValue.includes(val))
    return false;
  throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}
Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setCommandEcho(enabled) {
  issue("echo", enabled ? "on" : "off");
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function isDebug() {
  return process.env["RUNNER_DEBUG"] === "1";
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}
function group(name, fn) {
  return __awaiter4(this, void 0, void 0, function* () {
    startGroup(name);
    let result;
    try {
      result = yield fn();
    } finally {
      endGroup();
    }
    return result;
  });
}
function saveState(name, value) {
  const filePath = process.env["GITHUB_STATE"] || "";
  if (filePath) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}
function getIDToken(aud) {
  return __awaiter4(this, void 0, void 0, function* () {
    return yield OidcClient.getIDToken(aud);
  });
}

// js/action/main.mjs
import { appendFile as appendFile2, mkdir, readFile as readFile3, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import path5 from "node:path";

// js/shared/text.mjs
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

// js/action/annotations.mjs
function annotationProperties({ title, file, startLine, endLine, startColumn, endColumn }) {
  const properties = { title, file, startLine, endLine };
  if (startColumn !== void 0 && endColumn !== void 0) Object.assign(properties, { startColumn, endColumn });
  return properties;
}
function emitAnnotations(plan, core, { summaryWritten = true } = {}) {
  for (const { annotation } of plan.chosen) {
    core[annotation.level](annotation.message, annotationProperties(annotation));
  }
  if (plan.omitted > 0) {
    const where = summaryWritten ? "the job summary" : "the log of this step";
    core.notice(`${plural(plan.omitted, "more finding")} not annotated — see ${where}`, { title: "stacklint" });
  }
}

// js/action/budget.mjs
var GITHUB_ANNOTATION_LIMITS = Object.freeze({ error: 10, warning: 10, notice: 10 });
var LEVEL_RANK = { error: 0, warning: 1, notice: 2 };
function planAnnotations(annotations, { limits: limits2 = GITHUB_ANNOTATION_LIMITS, reserved = {} } = {}) {
  const room = (level) => Math.max(0, limits2[level] - (reserved[level] ?? 0));
  const pick = (noticeRoom) => {
    const used = { error: 0, warning: 0, notice: 0 };
    const rooms = { error: room("error"), warning: room("warning"), notice: noticeRoom };
    return annotations.filter(({ level }) => used[level] < rooms[level] && ++used[level]);
  };
  let chosen = pick(room("notice"));
  if (chosen.length < annotations.length) {
    chosen = pick(Math.max(0, room("notice") - 1));
  }
  chosen.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  return { chosen: chosen.map((annotation) => ({ annotation })), omitted: annotations.length - chosen.length };
}

// js/action/git.mjs
import { execFile, spawn } from "node:child_process";
var MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
var PINNED_CONFIG = ["-c", "core.quotePath=false", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false"];
var DIFF_FLAGS = ["--no-renames", "--relative", "--no-color", "--no-ext-diff", "--no-textconv"];
var GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
function git(cwd, args) {
  return new Promise((resolve, reject) => {
    execFile("git", [...PINNED_CONFIG, ...args], { cwd, encoding: "utf8", maxBuffer: MAX_OUTPUT_BYTES, env: GIT_ENV }, (error2, stdout, stderr) => {
      if (error2) {
        reject(Object.assign(error2, { stderr }));
      } else {
        resolve(stdout);
      }
    });
  });
}
function firstLine(rejection) {
  const error2 = (
    /** @type {GitError} */
    rejection
  );
  if (error2.code === "ENOENT") return "git is not installed";
  const text = (error2.stderr || error2.message || "").trim();
  return text.split("\n")[0];
}
async function commitOf(cwd, candidate) {
  try {
    return (await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${candidate}^{commit}`])).trim();
  } catch {
    return null;
  }
}
async function findBase(cwd, base, shallow) {
  for (const candidate of [base, `origin/${base}`]) {
    const sha2 = await commitOf(cwd, candidate);
    if (sha2) return { sha: sha2, fetched: false };
  }
  if (!shallow) return { sha: null, reason: `the base \`${base}\` is not in this clone` };
  try {
    await git(cwd, ["fetch", "--depth=1", "--no-tags", "--no-recurse-submodules", "--quiet", "origin", "--end-of-options", base]);
  } catch (error2) {
    return { sha: null, reason: `the base \`${base}\` is not in this shallow clone and fetching it failed (${firstLine(error2)})` };
  }
  const sha = await commitOf(cwd, "FETCH_HEAD");
  return sha ? { sha, fetched: true } : { sha: null, reason: `fetching the base \`${base}\` brought no commit` };
}
async function comparisonCommit(cwd, baseSha) {
  const head = await git(cwd, ["cat-file", "commit", "HEAD"]);
  const parents = head.split("\n").filter((line) => line.startsWith("parent ")).map((line) => line.slice(7));
  if (parents.includes(baseSha)) return { commit: baseSha, note: "" };
  try {
    return { commit: (await git(cwd, ["merge-base", "--end-of-options", baseSha, "HEAD"])).trim(), note: "" };
  } catch {
    return { commit: baseSha, note: " (no common ancestor with HEAD in this clone: compared with the base commit itself)" };
  }
}
function catBlobs(cwd, objects) {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn("git", [...PINNED_CONFIG, "cat-file", "--batch"], { cwd, env: GIT_ENV, stdio: ["pipe", "pipe", "pipe"] });
    const chunks = [];
    let stderr = "";
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(Object.assign(new Error(`git cat-file exited with ${code}`), { stderr }));
      const output = Buffer.concat(chunks);
      const blobs = [];
      let at = 0;
      for (const object of objects) {
        const end = output.indexOf(10, at);
        const header = output.subarray(at, end).toString("latin1");
        const size = Number(header.split(" ")[2]);
        if (end < 0 || !Number.isSafeInteger(size)) return reject(Object.assign(new Error(`git cat-file could not read ${object}`), { stderr: header }));
        blobs.push(output.subarray(end + 1, end + 1 + size));
        at = end + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(objects.map((object) => `${object}
`).join(""));
  });
}
async function readBase(cwd, base, policy) {
  let shallow = false;
  try {
    shallow = (await git(cwd, ["rev-parse", "--is-shallow-repository"])).trim() === "true";
  } catch (error2) {
    return { ok: false, shallow, checkout: false, reason: `${cwd} is not a git checkout (${firstLine(error2)})` };
  }
  const found = await findBase(cwd, base, shallow);
  if (found.sha === null) return { ok: false, shallow, checkout: true, reason: found.reason };
  try {
    const { commit, note } = await comparisonCommit(cwd, found.sha);
    const prefix = (await git(cwd, ["rev-parse", "--show-prefix"])).replace(/\n$/, "");
    const listing = await git(cwd, ["ls-tree", "-r", "-z", "-l", "--full-tree", "--end-of-options", commit]);
    const files = /* @__PURE__ */ new Map();
    const wanted = [];
    for (const record of listing.split("\0")) {
      const tab = record.indexOf("	");
      if (tab < 0) continue;
      const [mode, kind, object, size] = record.slice(0, tab).split(/ +/);
      const path6 = record.slice(tab + 1);
      if (kind !== "blob" || !path6.startsWith(prefix)) continue;
      const relative = path6.slice(prefix.length);
      if (!policy.needsContent(relative)) files.set(relative, { kind: "unread" });
      else if (mode === "120000") files.set(relative, { kind: "unreadable", reason: "io", detail: "a symbolic link in the base commit" });
      else if (Number(size) > policy.maxFileBytes) files.set(relative, { kind: "unreadable", reason: "too-large", bytes: Number(size) });
      else wanted.push([relative, object]);
    }
    const blobs = await catBlobs(cwd, wanted.map(([, object]) => object));
    wanted.forEach(([relative], index) => files.set(relative, { kind: "bytes", data: new Uint8Array(blobs[index]) }));
    const names = await git(cwd, ["diff", "--name-only", "-z", ...DIFF_FLAGS, commit, "HEAD", "--"]);
    const changed = names.split("\0").filter(Boolean).sort();
    return { ok: true, files: new Map([...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)), commit, changed, fetched: found.fetched, note };
  } catch (error2) {
    return { ok: false, shallow, checkout: true, reason: `git could not read the base \`${base}\`: ${firstLine(error2)}` };
  }
}

// js/action/github.mjs
import { readFile } from "node:fs/promises";

// js/action/inputs.mjs
var InputError = class extends Error {
  name = "InputError";
};
var PULL_REQUEST_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target"]);
var TRUE_VALUES = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE_VALUES = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
function oneOf(name, value, allowed) {
  const known = allowed.find((option) => option === value);
  if (known === void 0) {
    const list = allowed.map((v) => `\`${v}\``).join(", ");
    throw new InputError(`input \`${name}\` is \`${value}\`; expected one of ${list}`);
  }
  return known;
}
function boolean(name, value) {
  if (value === "") return true;
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  throw new InputError(`input \`${name}\` is \`${value}\`; expected \`true\` or \`false\``);
}
function ruleList(value) {
  if (value === "") return null;
  return value.split(/[\s,]+/).filter((item) => item !== "");
}
function baseOfEvent(event) {
  const sha = (
    /** @type {unknown} */
    event?.pull_request?.base?.sha
  );
  if (sha === void 0 || sha === null) return "";
  if (typeof sha !== "string") {
    const found = Array.isArray(sha) ? "a list" : typeof sha === "object" ? "an object" : `the ${typeof sha} ${String(sha).slice(0, 40)}`;
    throw new InputError(`the event's \`pull_request.base.sha\` is ${found}, not a commit sha: set the \`base\` input`);
  }
  return sha;
}
function readInputs(getInput2, { eventName, event }) {
  const isPullRequest = PULL_REQUEST_EVENTS.has(eventName);
  const scopeInput = getInput2("scope");
  const scope = scopeInput === "" ? isPullRequest ? "new" : "all" : oneOf("scope", scopeInput, ["new", "changed", "all"]);
  const policy = oneOf("policy", getInput2("policy") || "base", ["base", "head"]);
  const failOn = oneOf("fail-on", getInput2("fail-on") || "error", ["error", "warning", "never"]);
  const path6 = getInput2("path") || ".";
  if (path6.includes("\0")) throw new InputError("input `path` contains a NUL character");
  let base = getInput2("base");
  if (base === "") base = baseOfEvent(event);
  if (base.startsWith("-")) {
    throw new InputError(`input \`base\` is \`${base}\`; expected a branch, tag or commit sha`);
  }
  if (scope !== "all" && base === "") {
    throw new InputError(
      `\`scope: ${scope}\` needs a commit to compare with, and this \`${eventName || "unknown"}\` event has no pull request: set the \`base\` input, or use \`scope: all\``
    );
  }
  return {
    path: path6,
    scope,
    base,
    policy,
    failOn,
    // Checked against the rule table by the core (it names the nearest code).
    select: ruleList(getInput2("select")),
    ignore: ruleList(getInput2("ignore")),
    sarifFile: getInput2("sarif-file"),
    baseline: getInput2("baseline"),
    /** `patch`: write the safe fixes as a unified diff; `none`: no fixes. */
    fix: oneOf("fix", getInput2("fix") || "none", ["none", "patch"]),
    annotations: boolean("annotations", getInput2("annotations")),
    summary: boolean("summary", getInput2("summary"))
  };
}

// js/action/github.mjs
async function readEvent(eventPath) {
  if (!eventPath) return {};
  let text;
  try {
    text = await readFile(eventPath, "utf8");
  } catch (error2) {
    throw new InputError(`cannot read the event payload GITHUB_EVENT_PATH=${eventPath}: ${/** @type {Error} */
    error2.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error2) {
    throw new InputError(`the event payload ${eventPath} is not JSON: ${/** @type {SyntaxError} */
    error2.message}`);
  }
}
async function readGitHubContext(env) {
  const workspace = env.GITHUB_WORKSPACE;
  if (!workspace) {
    throw new InputError("GITHUB_WORKSPACE is not set: run stacklint as a step of a GitHub Actions job");
  }
  const event = await readEvent(env.GITHUB_EVENT_PATH);
  return {
    workspace,
    eventName: env.GITHUB_EVENT_NAME ?? "",
    event,
    repository: env.GITHUB_REPOSITORY || event?.repository?.full_name || "",
    serverUrl: (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, ""),
    // On pull_request GITHUB_SHA is a merge commit nobody reads; link to what the author pushed.
    headSha: event?.pull_request?.head?.sha || env.GITHUB_SHA || ""
  };
}

// js/action/log.mjs
import { randomUUID as randomUUID2 } from "node:crypto";
function logUntrusted(core, text, token = randomUUID2()) {
  core.info(`::stop-commands::${token}`);
  core.info(text.replace(/\n$/, ""));
  core.info(`::${token}::`);
}

// pkg/stacklint.js
var Checked = class {
  __destroy_into_raw() {
    const ptr = this.__wbg_ptr;
    this.__wbg_ptr = 0;
    CheckedFinalization.unregister(this);
    return ptr;
  }
  free() {
    const ptr = this.__destroy_into_raw();
    wasm.__wbg_checked_free(ptr, 0);
  }
  /**
   * Every finding as an annotation object, in report order; `prefix` is the checked folder
   * relative to the repository root.
   * @param {string | null} [prefix]
   * @returns {Annotation[]}
   */
  annotations(prefix) {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      var ptr0 = isLikeNone(prefix) ? 0 : passStringToWasm0(prefix, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      var len0 = WASM_VECTOR_LEN;
      wasm.checked_annotations(retptr, this.__wbg_ptr, ptr0, len0);
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      if (r2) {
        throw takeObject(r1);
      }
      return takeObject(r0);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
  /**
   * Human output with the first `snippets` findings quoted from their source and the
   * others one line each (`path:line:column: severity[CODE]: message`); `render("human")`
   * when `snippets` is not given.
   * @param {boolean | null} [color]
   * @param {number | null} [snippets]
   * @returns {string}
   */
  human(color, snippets) {
    let deferred1_0;
    let deferred1_1;
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      wasm.checked_human(retptr, this.__wbg_ptr, isLikeNone(color) ? 16777215 : color ? 1 : 0, isLikeNone(snippets) ? Number.MAX_SAFE_INTEGER : snippets >>> 0);
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      deferred1_0 = r0;
      deferred1_1 = r1;
      return getStringFromWasm0(r0, r1);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
      wasm.__wbindgen_export4(deferred1_0, deferred1_1, 1);
    }
  }
  /**
   * The report as GitHub-flavoured Markdown (the action's job summary).
   * @param {MarkdownOptions | null} [options]
   * @returns {string}
   */
  markdown(options) {
    let deferred2_0;
    let deferred2_1;
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      wasm.checked_markdown(retptr, this.__wbg_ptr, isLikeNone(options) ? 0 : addHeapObject(options));
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      var r3 = getDataViewMemory0().getInt32(retptr + 4 * 3, true);
      var ptr1 = r0;
      var len1 = r1;
      if (r3) {
        ptr1 = 0;
        len1 = 0;
        throw takeObject(r2);
      }
      deferred2_0 = ptr1;
      deferred2_1 = len1;
      return getStringFromWasm0(ptr1, len1);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
      wasm.__wbindgen_export4(deferred2_0, deferred2_1, 1);
    }
  }
  /**
   * Checks a repository; throws on invalid paths or options.
   * @param {Files} files
   * @param {CheckOptions | null} [options]
   */
  constructor(files, options) {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      wasm.checked_new(retptr, addHeapObject(files), isLikeNone(options) ? 0 : addHeapObject(options));
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      if (r2) {
        throw takeObject(r1);
      }
      this.__wbg_ptr = r0;
      CheckedFinalization.register(this, this.__wbg_ptr, this);
      return this;
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
  /**
   * The report rendered in `format`; `color` adds ANSI colours to human output.
   * @param {Format} format
   * @param {boolean | null} [color]
   * @returns {string}
   */
  render(format, color) {
    let deferred3_0;
    let deferred3_1;
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      const ptr0 = passStringToWasm0(format, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      const len0 = WASM_VECTOR_LEN;
      wasm.checked_render(retptr, this.__wbg_ptr, ptr0, len0, isLikeNone(color) ? 16777215 : color ? 1 : 0);
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      var r3 = getDataViewMemory0().getInt32(retptr + 4 * 3, true);
      var ptr2 = r0;
      var len2 = r1;
      if (r3) {
        ptr2 = 0;
        len2 = 0;
        throw takeObject(r2);
      }
      deferred3_0 = ptr2;
      deferred3_1 = len2;
      return getStringFromWasm0(ptr2, len2);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
      wasm.__wbindgen_export4(deferred3_0, deferred3_1, 1);
    }
  }
  /**
   * The report as a plain object, equal to what [`check`] returns. A new object per read.
   * @returns {Report}
   */
  get report() {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      wasm.checked_report(retptr, this.__wbg_ptr);
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      if (r2) {
        throw takeObject(r1);
      }
      return takeObject(r0);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
  /**
   * The SARIF log with every path under `prefix` (the checked folder relative to the
   * repository root), as code scanning resolves paths from the repository root.
   * @param {string | null} [prefix]
   * @returns {string}
   */
  sarif(prefix) {
    let deferred2_0;
    let deferred2_1;
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      var ptr0 = isLikeNone(prefix) ? 0 : passStringToWasm0(prefix, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      var len0 = WASM_VECTOR_LEN;
      wasm.checked_sarif(retptr, this.__wbg_ptr, ptr0, len0);
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      deferred2_0 = r0;
      deferred2_1 = r1;
      return getStringFromWasm0(r0, r1);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
      wasm.__wbindgen_export4(deferred2_0, deferred2_1, 1);
    }
  }
};
if (Symbol.dispose) Checked.prototype[Symbol.dispose] = Checked.prototype.free;
var Workspace = class {
  __destroy_into_raw() {
    const ptr = this.__wbg_ptr;
    this.__wbg_ptr = 0;
    WorkspaceFinalization.unregister(this);
    return ptr;
  }
  free() {
    const ptr = this.__destroy_into_raw();
    wasm.__wbg_workspace_free(ptr, 0);
  }
  /**
   * Checks the workspace. With `focus` (e.g. the open files) only the findings in those
   * files are reported, each exactly as a whole check reports it, and faster.
   * @param {string[] | null} [focus]
   * @returns {Report}
   */
  check(focus) {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      var ptr0 = isLikeNone(focus) ? 0 : passArrayJsValueToWasm0(focus, wasm.__wbindgen_export);
      var len0 = WASM_VECTOR_LEN;
      wasm.workspace_check(retptr, this.__wbg_ptr, ptr0, len0);
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      if (r2) {
        throw takeObject(r1);
      }
      return takeObject(r0);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
  /**
   * The fixes applied in rounds, as `applyFixes` (and `stacklint check --fix`) applies them,
   * to the files as they are now; with `focus`, only the fixes of findings in those files.
   * The workspace keeps its files: set what the caller applies.
   * @param {WorkspaceFixOptions | null} [options]
   * @returns {WorkspaceFix}
   */
  fix(options) {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      wasm.workspace_fix(retptr, this.__wbg_ptr, isLikeNone(options) ? 0 : addHeapObject(options));
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      if (r2) {
        throw takeObject(r1);
      }
      return takeObject(r0);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
  /**
   * What is at a 1-based line and column (Unicode characters) of a file; `null` for
   * nothing stacklint knows about.
   * @param {string} path
   * @param {number} line
   * @param {number} column
   * @returns {Inspection | null}
   */
  inspect(path6, line, column) {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      const ptr0 = passStringToWasm0(path6, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      const len0 = WASM_VECTOR_LEN;
      wasm.workspace_inspect(retptr, this.__wbg_ptr, ptr0, len0, line, column);
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      if (r2) {
        throw takeObject(r1);
      }
      return takeObject(r0);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
  /**
   * The ranges of a file that name other files: entry paths, image-list folders.
   * @param {string} path
   * @returns {Link[]}
   */
  links(path6) {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      const ptr0 = passStringToWasm0(path6, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      const len0 = WASM_VECTOR_LEN;
      wasm.workspace_links(retptr, this.__wbg_ptr, ptr0, len0);
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      if (r2) {
        throw takeObject(r1);
      }
      return takeObject(r0);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
  /**
   * An empty workspace; `options` are those of every check of it. Throws on unknown
   * options or rules.
   * @param {WorkspaceOptions | null} [options]
   */
  constructor(options) {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      wasm.workspace_new(retptr, isLikeNone(options) ? 0 : addHeapObject(options));
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      if (r2) {
        throw takeObject(r1);
      }
      this.__wbg_ptr = r0;
      WorkspaceFinalization.register(this, this.__wbg_ptr, this);
      return this;
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
  /**
   * Removes files (deleted on disk).
   * @param {string[]} paths
   */
  remove(paths) {
    const ptr0 = passArrayJsValueToWasm0(paths, wasm.__wbindgen_export);
    const len0 = WASM_VECTOR_LEN;
    wasm.workspace_remove(this.__wbg_ptr, ptr0, len0);
  }
  /**
   * Adds or replaces files (the same form as `check`'s `files`); a path that leaves the
   * repository throws.
   * @param {Files} files
   */
  set(files) {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      wasm.workspace_set(retptr, this.__wbg_ptr, addHeapObject(files));
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      if (r1) {
        throw takeObject(r0);
      }
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
  /**
   * The edit that silences rule `code` for a finding starting on `line` of `path`, written
   * as an inline suppression where the file's parser reads one; `null` where none can be.
   * @param {string} path
   * @param {number} line
   * @param {string} code
   * @returns {TextEdit | null}
   */
  silence(path6, line, code) {
    try {
      const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
      const ptr0 = passStringToWasm0(path6, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      const len0 = WASM_VECTOR_LEN;
      const ptr1 = passStringToWasm0(code, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      const len1 = WASM_VECTOR_LEN;
      wasm.workspace_silence(retptr, this.__wbg_ptr, ptr0, len0, line, ptr1, len1);
      var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
      var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
      var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
      if (r2) {
        throw takeObject(r1);
      }
      return takeObject(r0);
    } finally {
      wasm.__wbindgen_add_to_stack_pointer(16);
    }
  }
};
if (Symbol.dispose) Workspace.prototype[Symbol.dispose] = Workspace.prototype.free;
function applyFixes(files, options) {
  try {
    const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
    wasm.applyFixes(retptr, addHeapObject(files), isLikeNone(options) ? 0 : addHeapObject(options));
    var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
    var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
    var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
    if (r2) {
      throw takeObject(r1);
    }
    return takeObject(r0);
  } finally {
    wasm.__wbindgen_add_to_stack_pointer(16);
  }
}
function limits() {
  try {
    const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
    wasm.limits(retptr);
    var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
    var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
    var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
    if (r2) {
      throw takeObject(r1);
    }
    return takeObject(r0);
  } finally {
    wasm.__wbindgen_add_to_stack_pointer(16);
  }
}
function needsContent(path6) {
  const ptr0 = passStringToWasm0(path6, wasm.__wbindgen_export, wasm.__wbindgen_export2);
  const len0 = WASM_VECTOR_LEN;
  const ret = wasm.needsContent(ptr0, len0);
  return ret !== 0;
}
function version() {
  let deferred1_0;
  let deferred1_1;
  try {
    const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
    wasm.version(retptr);
    var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
    var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
    deferred1_0 = r0;
    deferred1_1 = r1;
    return getStringFromWasm0(r0, r1);
  } finally {
    wasm.__wbindgen_add_to_stack_pointer(16);
    wasm.__wbindgen_export4(deferred1_0, deferred1_1, 1);
  }
}
function visible(text) {
  let deferred2_0;
  let deferred2_1;
  try {
    const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
    const ptr0 = passStringToWasm0(text, wasm.__wbindgen_export, wasm.__wbindgen_export2);
    const len0 = WASM_VECTOR_LEN;
    wasm.visible(retptr, ptr0, len0);
    var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
    var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
    deferred2_0 = r0;
    deferred2_1 = r1;
    return getStringFromWasm0(r0, r1);
  } finally {
    wasm.__wbindgen_add_to_stack_pointer(16);
    wasm.__wbindgen_export4(deferred2_0, deferred2_1, 1);
  }
}
function __wbg_get_imports() {
  const import0 = {
    __proto__: null,
    __wbg_Error_30c8987f7c2ed4e2: function(arg0, arg1) {
      const ret = Error(getStringFromWasm0(arg0, arg1));
      return addHeapObject(ret);
    },
    __wbg_Number_14af1003b8dd5ead: function(arg0) {
      const ret = Number(getObject(arg0));
      return ret;
    },
    __wbg_String_8564e559799eccda: function(arg0, arg1) {
      const ret = String(getObject(arg1));
      const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      const len1 = WASM_VECTOR_LEN;
      getDataViewMemory0().setInt32(arg0 + 4 * 1, len1, true);
      getDataViewMemory0().setInt32(arg0 + 4 * 0, ptr1, true);
    },
    __wbg___wbindgen_bigint_get_as_i64_a2383202b9353e4c: function(arg0, arg1) {
      const v = getObject(arg1);
      const ret = typeof v === "bigint" ? v : void 0;
      getDataViewMemory0().setBigInt64(arg0 + 8 * 1, isLikeNone(ret) ? BigInt(0) : ret, true);
      getDataViewMemory0().setInt32(arg0 + 4 * 0, !isLikeNone(ret), true);
    },
    __wbg___wbindgen_boolean_get_5b446f51afd21013: function(arg0) {
      const v = getObject(arg0);
      const ret = typeof v === "boolean" ? v : void 0;
      return isLikeNone(ret) ? 16777215 : ret ? 1 : 0;
    },
    __wbg___wbindgen_debug_string_4687d8d8c2017d52: function(arg0, arg1) {
      const ret = debugString(getObject(arg1));
      const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      const len1 = WASM_VECTOR_LEN;
      getDataViewMemory0().setInt32(arg0 + 4 * 1, len1, true);
      getDataViewMemory0().setInt32(arg0 + 4 * 0, ptr1, true);
    },
    __wbg___wbindgen_in_92f62ee1427d9e49: function(arg0, arg1) {
      const ret = getObject(arg0) in getObject(arg1);
      return ret;
    },
    __wbg___wbindgen_is_bigint_b123553bed3bb382: function(arg0) {
      const ret = typeof getObject(arg0) === "bigint";
      return ret;
    },
    __wbg___wbindgen_is_function_1f9d30630b8b1d3d: function(arg0) {
      const ret = typeof getObject(arg0) === "function";
      return ret;
    },
    __wbg___wbindgen_is_null_e343b7d08827ba72: function(arg0) {
      const ret = getObject(arg0) === null;
      return ret;
    },
    __wbg___wbindgen_is_object_3c45d4f2dde4e749: function(arg0) {
      const val = getObject(arg0);
      const ret = typeof val === "object" && val !== null;
      return ret;
    },
    __wbg___wbindgen_is_undefined_8865fb403f8fe9d8: function(arg0) {
      const ret = getObject(arg0) === void 0;
      return ret;
    },
    __wbg___wbindgen_jsval_eq_02babf21faa37971: function(arg0, arg1) {
      const ret = getObject(arg0) === getObject(arg1);
      return ret;
    },
    __wbg___wbindgen_jsval_loose_eq_677f21e468d6b461: function(arg0, arg1) {
      const ret = getObject(arg0) == getObject(arg1);
      return ret;
    },
    __wbg___wbindgen_number_get_2e0e7dee9f701a71: function(arg0, arg1) {
      const obj = getObject(arg1);
      const ret = typeof obj === "number" ? obj : void 0;
      getDataViewMemory0().setFloat64(arg0 + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
      getDataViewMemory0().setInt32(arg0 + 4 * 0, !isLikeNone(ret), true);
    },
    __wbg___wbindgen_string_get_0380ccaa2f57f0d9: function(arg0, arg1) {
      const obj = getObject(arg1);
      const ret = typeof obj === "string" ? obj : void 0;
      var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_export, wasm.__wbindgen_export2);
      var len1 = WASM_VECTOR_LEN;
      getDataViewMemory0().setInt32(arg0 + 4 * 1, len1, true);
      getDataViewMemory0().setInt32(arg0 + 4 * 0, ptr1, true);
    },
    __wbg___wbindgen_throw_41e9ee4f547fc59a: function(arg0, arg1) {
      throw new Error(getStringFromWasm0(arg0, arg1));
    },
    __wbg_call_6137034ef55c9d0f: function() {
      return handleError(function(arg0, arg1) {
        const ret = getObject(arg0).call(getObject(arg1));
        return addHeapObject(ret);
      }, arguments);
    },
    __wbg_done_b41a1d26cdb37fb6: function(arg0) {
      const ret = getObject(arg0).done;
      return ret;
    },
    __wbg_entries_fb6397112b1de25f: function(arg0) {
      const ret = Object.entries(getObject(arg0));
      return addHeapObject(ret);
    },
    __wbg_get_658f6698067d9515: function() {
      return handleError(function(arg0, arg1) {
        const ret = Reflect.get(getObject(arg0), getObject(arg1));
        return addHeapObject(ret);
      }, arguments);
    },
    __wbg_get_6c896e0571ddae51: function(arg0, arg1) {
      const ret = getObject(arg0)[arg1 >>> 0];
      return addHeapObject(ret);
    },
    __wbg_get_unchecked_288889d017702237: function(arg0, arg1) {
      const ret = getObject(arg0)[arg1 >>> 0];
      return addHeapObject(ret);
    },
    __wbg_get_with_ref_key_6412cf3094599694: function(arg0, arg1) {
      const ret = getObject(arg0)[getObject(arg1)];
      return addHeapObject(ret);
    },
    __wbg_instanceof_ArrayBuffer_a99f175873e5d9b8: function(arg0) {
      let result;
      try {
        result = getObject(arg0) instanceof ArrayBuffer;
      } catch (_) {
        result = false;
      }
      const ret = result;
      return ret;
    },
    __wbg_instanceof_Map_b2611749102d7ba3: function(arg0) {
      let result;
      try {
        result = getObject(arg0) instanceof Map;
      } catch (_) {
        result = false;
      }
      const ret = result;
      return ret;
    },
    __wbg_instanceof_Uint8Array_828cef2aaacafc31: function(arg0) {
      let result;
      try {
        result = getObject(arg0) instanceof Uint8Array;
      } catch (_) {
        result = false;
      }
      const ret = result;
      return ret;
    },
    __wbg_isArray_2b41c29f43a3fb12: function(arg0) {
      const ret = Array.isArray(getObject(arg0));
      return ret;
    },
    __wbg_isArray_e15a2ff68ffdbef2: function(arg0) {
      const ret = Array.isArray(getObject(arg0));
      return ret;
    },
    __wbg_isSafeInteger_717808ad6a54bd9e: function(arg0) {
      const ret = Number.isSafeInteger(getObject(arg0));
      return ret;
    },
    __wbg_iterator_e3c31c892080e444: function() {
      const ret = Symbol.iterator;
      return addHeapObject(ret);
    },
    __wbg_length_7f3c00c40364105e: function(arg0) {
      const ret = getObject(arg0).length;
      return ret;
    },
    __wbg_length_d4bdea10311bd9cf: function(arg0) {
      const ret = getObject(arg0).length;
      return ret;
    },
    __wbg_new_1dbf7428bba60a42: function(arg0) {
      const ret = new Uint8Array(getObject(arg0));
      return addHeapObject(ret);
    },
    __wbg_next_33784799010f1bbe: function(arg0) {
      const ret = getObject(arg0).next;
      return addHeapObject(ret);
    },
    __wbg_next_f4aac29c42af995c: function() {
      return handleError(function(arg0) {
        const ret = getObject(arg0).next();
        return addHeapObject(ret);
      }, arguments);
    },
    __wbg_parse_b4bf9af3a0ccfc71: function(arg0, arg1) {
      const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
      return addHeapObject(ret);
    },
    __wbg_prototypesetcall_bc27214492979395: function(arg0, arg1, arg2) {
      Uint8Array.prototype.set.call(getArrayU8FromWasm0(arg0, arg1), getObject(arg2));
    },
    __wbg_value_f3c585ee8f5ba40c: function(arg0) {
      const ret = getObject(arg0).value;
      return addHeapObject(ret);
    },
    __wbindgen_generic_0000000000000001: function(arg0) {
      const ret = arg0;
      return addHeapObject(ret);
    },
    __wbindgen_generic_0000000000000002: function(arg0, arg1) {
      const ret = getStringFromWasm0(arg0, arg1);
      return addHeapObject(ret);
    },
    __wbindgen_generic_0000000000000003: function(arg0) {
      const ret = BigInt.asUintN(64, arg0);
      return addHeapObject(ret);
    },
    __wbindgen_object_clone_ref: function(arg0) {
      const ret = getObject(arg0);
      return addHeapObject(ret);
    },
    __wbindgen_object_drop_ref: function(arg0) {
      takeObject(arg0);
    }
  };
  return {
    __proto__: null,
    "./stacklint_bg.js": import0
  };
}
var CheckedFinalization = typeof FinalizationRegistry === "undefined" ? { register: () => {
}, unregister: () => {
} } : new FinalizationRegistry((ptr) => wasm.__wbg_checked_free(ptr, 1));
var WorkspaceFinalization = typeof FinalizationRegistry === "undefined" ? { register: () => {
}, unregister: () => {
} } : new FinalizationRegistry((ptr) => wasm.__wbg_workspace_free(ptr, 1));
function addHeapObject(obj) {
  if (heap_next === heap.length) heap.push(heap.length + 1);
  const idx = heap_next;
  heap_next = heap[idx];
  heap[idx] = obj;
  return idx;
}
function debugString(val) {
  const type = typeof val;
  if (type == "number" || type == "boolean" || val == null) {
    return `${val}`;
  }
  if (type == "string") {
    return `"${val}"`;
  }
  if (type == "symbol") {
    const description = val.description;
    if (description == null) {
      return "Symbol";
    } else {
      return `Symbol(${description})`;
    }
  }
  if (type == "function") {
    const name = val.name;
    if (typeof name == "string" && name.length > 0) {
      return `Function(${name})`;
    } else {
      return "Function";
    }
  }
  if (Array.isArray(val)) {
    const length = val.length;
    let debug2 = "[";
    if (length > 0) {
      debug2 += debugString(val[0]);
    }
    for (let i = 1; i < length; i++) {
      debug2 += ", " + debugString(val[i]);
    }
    debug2 += "]";
    return debug2;
  }
  const builtInMatches = /\[object ([^\]]+)\]/.exec(toString.call(val));
  let className;
  if (builtInMatches && builtInMatches.length > 1) {
    className = builtInMatches[1];
  } else {
    return toString.call(val);
  }
  if (className == "Object") {
    try {
      return "Object(" + JSON.stringify(val) + ")";
    } catch (_) {
      return "Object";
    }
  }
  if (val instanceof Error) {
    return `${val.name}: ${val.message}
${val.stack}`;
  }
  return className;
}
function dropObject(idx) {
  if (idx < 1028) return;
  heap[idx] = heap_next;
  heap_next = idx;
}
function getArrayU8FromWasm0(ptr, len) {
  ptr = ptr >>> 0;
  return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
}
var cachedDataViewMemory0 = null;
function getDataViewMemory0() {
  if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || cachedDataViewMemory0.buffer.detached === void 0 && cachedDataViewMemory0.buffer !== wasm.memory.buffer) {
    cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
  }
  return cachedDataViewMemory0;
}
function getStringFromWasm0(ptr, len) {
  return decodeText(ptr >>> 0, len);
}
var cachedUint8ArrayMemory0 = null;
function getUint8ArrayMemory0() {
  if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
    cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
  }
  return cachedUint8ArrayMemory0;
}
function getObject(idx) {
  return heap[idx];
}
function handleError(f, args) {
  try {
    return f.apply(this, args);
  } catch (e) {
    wasm.__wbindgen_export3(addHeapObject(e));
  }
}
var heap = new Array(1024).fill(void 0);
heap.push(void 0, null, true, false);
var heap_next = heap.length;
function isLikeNone(x) {
  return x === void 0 || x === null;
}
function passArrayJsValueToWasm0(array, malloc) {
  const ptr = malloc(array.length * 4, 4) >>> 0;
  const mem = getDataViewMemory0();
  for (let i = 0; i < array.length; i++) {
    mem.setUint32(ptr + 4 * i, addHeapObject(array[i]), true);
  }
  WASM_VECTOR_LEN = array.length;
  return ptr;
}
function passStringToWasm0(arg, malloc, realloc) {
  if (realloc === void 0) {
    const buf = cachedTextEncoder.encode(arg);
    const ptr2 = malloc(buf.length, 1) >>> 0;
    getUint8ArrayMemory0().subarray(ptr2, ptr2 + buf.length).set(buf);
    WASM_VECTOR_LEN = buf.length;
    return ptr2;
  }
  let len = arg.length;
  let ptr = malloc(len, 1) >>> 0;
  const mem = getUint8ArrayMemory0();
  let offset = 0;
  for (; offset < len; offset++) {
    const code = arg.charCodeAt(offset);
    if (code > 127) break;
    mem[ptr + offset] = code;
  }
  if (offset !== len) {
    if (offset !== 0) {
      arg = arg.slice(offset);
    }
    ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
    const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
    const ret = cachedTextEncoder.encodeInto(arg, view);
    offset += ret.written;
    ptr = realloc(ptr, len, offset, 1) >>> 0;
  }
  WASM_VECTOR_LEN = offset;
  return ptr;
}
function takeObject(idx) {
  const ret = getObject(idx);
  dropObject(idx);
  return ret;
}
var cachedTextDecoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
cachedTextDecoder.decode();
var MAX_SAFARI_DECODE_BYTES = 2146435072;
var numBytesDecoded = 0;
function decodeText(ptr, len) {
  numBytesDecoded += len;
  if (numBytesDecoded >= MAX_SAFARI_DECODE_BYTES) {
    cachedTextDecoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
    cachedTextDecoder.decode();
    numBytesDecoded = len;
  }
  return cachedTextDecoder.decode(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}
var cachedTextEncoder = new TextEncoder();
if (!("encodeInto" in cachedTextEncoder)) {
  cachedTextEncoder.encodeInto = function(arg, view) {
    const buf = cachedTextEncoder.encode(arg);
    view.set(buf);
    return {
      read: arg.length,
      written: buf.length
    };
  };
}
var WASM_VECTOR_LEN = 0;
var wasmModule;
var wasmInstance;
var wasm;
function __wbg_finalize_init(instance, module) {
  wasmInstance = instance;
  wasm = instance.exports;
  wasmModule = module;
  cachedDataViewMemory0 = null;
  cachedUint8ArrayMemory0 = null;
  return wasm;
}
function initSync(module) {
  if (wasm !== void 0) return wasm;
  if (module !== void 0) {
    if (Object.getPrototypeOf(module) === Object.prototype) {
      ({ module } = module);
    } else {
      console.warn("using deprecated parameters for `initSync()`; pass a single object instead");
    }
  }
  const imports = __wbg_get_imports();
  if (!(module instanceof WebAssembly.Module)) {
    module = new WebAssembly.Module(module);
  }
  const instance = new WebAssembly.Instance(module, imports);
  return __wbg_finalize_init(instance, module);
}

// js/shared/core-files.mjs
function unreadableContent(file) {
  switch (file.reason) {
    case "too-large":
      return { unreadable: "too-large", bytes: file.bytes };
    case "outside":
      return { unreadable: "outside-root" };
    case "broken-link":
      return { unreadable: "io", message: "it is a symlink to nothing" };
    case "io":
      return { unreadable: "io", message: file.detail };
  }
}
function toCoreContent(file) {
  switch (file.kind) {
    case "bytes":
      return file.data;
    case "unread":
      return null;
    case "unreadable":
      return unreadableContent(file);
  }
}
function toCoreFiles(found) {
  const files = {};
  for (const [path6, file] of found) files[path6] = toCoreContent(file);
  return files;
}

// js/action/wasm.mjs
function loadCore(bytes) {
  initSync({ module: bytes });
  return { version: version(), maxFileBytes: limits().maxFileBytes, needsContent };
}
function visible2(text) {
  return visible(text);
}
var LOG_SNIPPETS = 1e3;
var RULE_OPTION_ERROR = /^stacklint: `(select|ignore)`: /;
function check(files, options) {
  try {
    return new Checked(files, options);
  } catch (error2) {
    const message = String(
      /** @type {Error} */
      error2?.message ?? error2
    );
    if (RULE_OPTION_ERROR.test(message)) throw new InputError(message.replace(RULE_OPTION_ERROR, "input `$1`: "));
    throw error2;
  }
}
function safeFixes(files, options, prefix) {
  const { patch, applied, counts, skipped } = applyFixes(files, { ...options, unsafe: false, prefix });
  return { patch, applied, counts, skipped };
}
function analyze(found, { base = null, scope = "all", changed = null, policy = "base", baseline = null, select = null, ignore = null, color = false, prefix = "", sarif = false, summary: summary2 = null, fixes = false } = {}) {
  const options = base === null ? { scope: scope === "changed" ? changed : null, baseline, select, ignore } : { base: toCoreFiles(base), scope, changed, policy, select, ignore };
  const files = toCoreFiles(found);
  const checked = check(files, options);
  try {
    return {
      /** @type {import('../../pkg/stacklint.js').Report} */
      report: checked.report,
      human: checked.human(color, LOG_SNIPPETS),
      /** @type {import('../../pkg/stacklint.js').Annotation[]} */
      annotations: checked.annotations(prefix),
      sarif: sarif ? checked.sarif(prefix) : null,
      summary: summary2 ? checked.markdown({ ...summary2, prefix, fixes }) : null,
      fixed: fixes ? safeFixes(files, options, prefix) : null
    };
  } finally {
    checked.free();
  }
}

// js/shared/repository.mjs
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import path3 from "node:path";
var SKIPPED_NAMES = /* @__PURE__ */ new Set([".git", "node_modules"]);
var RepositoryError = class extends Error {
  name = "RepositoryError";
};
function isWithin(child, parent) {
  const relative = path3.relative(parent, child);
  return relative === "" || !relative.startsWith("..") && !path3.isAbsolute(relative);
}
function toPosix(relative) {
  return relative.split(path3.sep).join("/");
}
async function readFile2(file, maxFileBytes) {
  return readFileNow(file, maxFileBytes);
}
function readFileNow(file, maxFileBytes) {
  let fd;
  try {
    fd = openSync(file, "r");
    const { size } = fstatSync(fd);
    if (size > maxFileBytes) return { kind: "unreadable", reason: "too-large", bytes: size };
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (; ; ) {
      if (length === buffer.length) {
        if (length > maxFileBytes) break;
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxFileBytes + 1));
        buffer.copy(grown);
        buffer = grown;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxFileBytes) return { kind: "unreadable", reason: "too-large", bytes: length };
    return { kind: "bytes", data: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (thrown) {
    const error2 = (
      /** @type {NodeJS.ErrnoException} */
      thrown
    );
    return { kind: "unreadable", reason: "io", detail: error2.code ?? error2.message };
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function textOf(found) {
  if (found?.kind !== "bytes" || found.data.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(found.data);
  } catch {
    return null;
  }
}
function describeLinkNow(absolute, root, relative, { needsContent: needsContent2, maxFileBytes }) {
  let target;
  try {
    target = realpathSync(absolute);
  } catch {
    return needsContent2(relative) ? { kind: "unreadable", reason: "broken-link" } : { kind: "unread" };
  }
  if (!statSync(target).isFile()) return null;
  if (!isWithin(target, root)) {
    return needsContent2(relative) ? { kind: "unreadable", reason: "outside" } : { kind: "unread" };
  }
  return needsContent2(relative) ? readFileNow(target, maxFileBytes) : { kind: "unread" };
}
async function readRepository(root, policy) {
  const files = /* @__PURE__ */ new Map();
  const pending = [""];
  for (let dir = pending.pop(); dir !== void 0; dir = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(path3.join(root, dir), { withFileTypes: true });
    } catch (error2) {
      throw new RepositoryError(`cannot read the folder \`${dir || "."}\` of the repository: ${/** @type {NodeJS.ErrnoException} */
      error2.message}`);
    }
    for (const entry of entries) {
      if (SKIPPED_NAMES.has(entry.name)) continue;
      const relative = dir === "" ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        pending.push(relative);
      } else if (entry.isFile()) {
        files.set(relative, policy.needsContent(relative) ? readFileNow(path3.join(root, relative), policy.maxFileBytes) : { kind: "unread" });
      } else if (entry.isSymbolicLink()) {
        const found = describeLinkNow(path3.join(root, relative), root, relative, policy);
        if (found) files.set(relative, found);
      }
    }
  }
  return new Map([...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

// js/action/workspace.mjs
import { realpath, stat } from "node:fs/promises";
import path4 from "node:path";
async function resolveRoot(workspace, input) {
  const lexical = path4.resolve(workspace, input);
  if (!isWithin(lexical, path4.resolve(workspace))) {
    throw new InputError(`input \`path\` is \`${input}\`, which leads outside the workspace ${workspace}`);
  }
  let realWorkspace;
  let root;
  try {
    realWorkspace = await realpath(workspace);
  } catch (error2) {
    throw new InputError(`cannot read the workspace ${workspace}: ${/** @type {NodeJS.ErrnoException} */
    error2.message}`);
  }
  try {
    root = await realpath(lexical);
  } catch (error2) {
    throw new InputError(`input \`path\` is \`${input}\`, which cannot be read: ${/** @type {NodeJS.ErrnoException} */
    error2.message}`);
  }
  if (!isWithin(root, realWorkspace)) {
    throw new InputError(`input \`path\` is \`${input}\`, a symlink leading outside the workspace to ${root}`);
  }
  if (!(await stat(root)).isDirectory()) {
    throw new InputError(`input \`path\` is \`${input}\`, which is not a directory`);
  }
  return { root, prefix: toPosix(path4.relative(realWorkspace, root)) };
}
async function readNamedFile(root, input, name, maxFileBytes) {
  const lexical = path4.resolve(root, input);
  if (!isWithin(lexical, root)) throw new InputError(`input \`${name}\` is \`${input}\`, which leads outside the checked folder`);
  let real;
  try {
    real = await realpath(lexical);
  } catch (thrown) {
    throw new InputError(`input \`${name}\` is \`${input}\`, which cannot be read: ${/** @type {Error} */
    thrown.message}`);
  }
  if (!isWithin(real, root)) throw new InputError(`input \`${name}\` is \`${input}\`, a symlink leading outside the checked folder`);
  const found = await readFile2(real, maxFileBytes);
  const text = textOf(found);
  if (text === null) {
    const why = found.kind !== "unreadable" ? "it is not UTF-8 text" : found.reason === "too-large" ? `it is ${found.bytes} bytes, more than ${maxFileBytes}` : "detail" in found ? found.detail : found.reason;
    throw new InputError(`input \`${name}\` is \`${input}\`, which cannot be read: ${why}`);
  }
  return { path: toPosix(path4.relative(root, real)), text };
}

// js/action/main.mjs
var SUMMARY_LIMIT_BYTES = 1024 * 1024;
function reachesFailLevel(summary2, failOn) {
  if (failOn === "error") return summary2.errors > 0;
  if (failOn === "warning") return summary2.errors + summary2.warnings > 0;
  return false;
}
function asThrown(thrown) {
  return typeof thrown === "object" && thrown !== null ? thrown : {};
}
function describeFailure(error2) {
  const message = String(asThrown(error2).message ?? error2).replace(/^stacklint: /, "");
  if (error2 instanceof InputError || error2 instanceof RepositoryError) return `stacklint: ${message}`;
  if (error2 instanceof WebAssembly.RuntimeError) {
    return `stacklint: the checker crashed (${message}); this is a bug in stacklint, please report it with the files that trigger it`;
  }
  return `stacklint: ${message}`;
}
async function compareWithBase(core, inputs, root, policy) {
  if (inputs.scope === "all") return { scope: "all", base: null, changed: null, note: "Scope: every file.", warned: false };
  const base = await readBase(root, inputs.base, policy);
  if (base.ok) {
    const against = `\`${base.commit.slice(0, 12)}\`${base.note}`;
    const note = inputs.scope === "new" ? `Scope: what this change introduced, compared with ${against}.` : `Scope: what the ${plural(base.changed.length, "changed file")} since ${against} affect.`;
    if (base.fetched) core.info(`stacklint fetched the base commit ${base.commit} into the shallow clone`);
    return { scope: inputs.scope, base: base.files, changed: base.changed, note, warned: false };
  }
  const cause = base.shallow ? " (the checkout is shallow)" : "";
  const fix = base.checkout ? "set `fetch-depth: 0` on actions/checkout so the base commit is in the clone" : "run actions/checkout before stacklint, or set `scope: all`";
  core.warning(
    `stacklint cannot tell what this change touched: ${base.reason}${cause}, so every file is checked. Fix: ${fix}.`,
    { title: "stacklint checked every file" }
  );
  return { scope: "all", base: null, changed: null, note: "Scope: every file (the changes could not be computed).", warned: true };
}
async function writePatch(core, fixed, folder) {
  for (const skipped of fixed.skipped) {
    core.info(`stacklint did not put the ${skipped.code} fix at ${skipped.path}:${skipped.line} (${skipped.message}) in the patch: ${skipped.description}`);
  }
  if (fixed.patch === "") {
    core.info("stacklint found no safe fix to put in a patch");
    return "";
  }
  const file = path5.join(folder, "stacklint-fixes.patch");
  await mkdir(folder, { recursive: true });
  await writeFile2(file, fixed.patch);
  const total = fixed.applied.reduce((sum, { count }) => sum + count, 0);
  core.info(`stacklint wrote ${plural(total, "safe fix", "safe fixes")} (${fixed.counts}) to ${file}; apply them with \`git apply ${file}\` at the repository root`);
  return file;
}
async function run({ core, env, wasmPath }) {
  const github = await readGitHubContext(env);
  const inputs = readInputs((name) => core.getInput(name), github);
  const { root, prefix } = await resolveRoot(github.workspace, inputs.path);
  const { version: version2, ...readPolicy } = loadCore(await readFile3(wasmPath));
  const rules = Object.entries({ select: inputs.select, ignore: inputs.ignore }).flatMap(([name, list]) => list === null ? [] : [`, ${name}: ${list.join(",")}`]);
  logUntrusted(core, `stacklint ${version2}: checking ${visible2(prefix || ".")} (scope: ${inputs.scope}, fail-on: ${inputs.failOn}${rules.join("")})`);
  const comparison = await compareWithBase(core, inputs, root, readPolicy);
  const found = await readRepository(root, readPolicy);
  const baseline = inputs.baseline ? await readNamedFile(root, inputs.baseline, "baseline", readPolicy.maxFileBytes) : null;
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  const writeSummary = inputs.summary && Boolean(summaryFile);
  const links = { serverUrl: github.serverUrl, repository: github.repository, sha: github.headSha };
  const { report, human, annotations, sarif, summary: summaryText, fixed } = analyze(found, {
    base: comparison.base,
    scope: comparison.scope,
    changed: comparison.changed,
    policy: inputs.policy,
    baseline,
    select: inputs.select,
    ignore: inputs.ignore,
    color: true,
    prefix,
    sarif: Boolean(inputs.sarifFile),
    summary: writeSummary ? { links, note: comparison.note, maxBytes: SUMMARY_LIMIT_BYTES } : null,
    fixes: inputs.fix === "patch"
  });
  logUntrusted(core, human);
  const patchPath = fixed ? await writePatch(core, fixed, env.RUNNER_TEMP || tmpdir()) : "";
  let sarifPath = "";
  if (inputs.sarifFile && sarif !== null) {
    sarifPath = path5.resolve(github.workspace, inputs.sarifFile);
    await mkdir(path5.dirname(sarifPath), { recursive: true });
    await writeFile2(sarifPath, sarif);
    core.info(`stacklint wrote SARIF to ${sarifPath}`);
  }
  const { summary: summary2 } = report;
  core.setOutput("errors", summary2.errors);
  core.setOutput("warnings", summary2.warnings);
  core.setOutput("findings", report.diagnostics.length);
  core.setOutput("existing", summary2.existing);
  core.setOutput("sarif-file", sarifPath);
  if (fixed) core.setOutput("patch-file", patchPath);
  if (writeSummary && summaryFile && summaryText !== null) await appendFile2(summaryFile, summaryText);
  const failing = reachesFailLevel(summary2, inputs.failOn);
  if (inputs.annotations) {
    const reserved = { error: failing ? 1 : 0, warning: comparison.warned ? 1 : 0 };
    const plan = planAnnotations(annotations, { reserved });
    emitAnnotations(plan, core, { summaryWritten: writeSummary });
  }
  if (failing) {
    core.setFailed(
      `stacklint found ${plural(summary2.errors, "error")} and ${plural(summary2.warnings, "warning")} (fail-on: ${inputs.failOn})`
    );
  }
  return report;
}
async function main(options) {
  try {
    return await run(options);
  } catch (error2) {
    if (!(error2 instanceof InputError)) options.core.debug(String(asThrown(error2).stack ?? error2));
    options.core.setFailed(describeFailure(error2));
    return null;
  }
}

// js/action/index.mjs
function fail(error2) {
  setFailed(describeFailure(error2));
  process.exit(1);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);
await main({ core: core_exports, env: process.env, wasmPath: new URL("./stacklint_bg.wasm", import.meta.url) });
