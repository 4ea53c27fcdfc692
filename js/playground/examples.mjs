// @ts-check
// The examples menu: one clean AI stack, and one broken variant per rule family. Each is a
// whole virtual repository in the openEuler layout (`AI/image-list.yml` maps published image
// names to folders; each image folder has meta.yml and <version>/<os-release>/Dockerfile).
// `expect` lists the rule codes the example must trigger; examples.test.mjs holds the core to
// it for every rule the core knows, so an example never silently stops showing its failure.

const IMAGE_LIST = `images:
  cann: cann
  pytorch: pytorch
  llm: llm
`;

const CANN_META = `8.0.RC1-oe2203sp4:
  path: 8.0.RC1/22.03-lts-sp4/Dockerfile
`;

/** @param {string} base */
const cannDockerfile = (base) => `ARG BASE=${base}
FROM \${BASE}

ARG CANN_VERSION=8.0.RC1
RUN yum install -y gcc make python3 python3-pip && yum clean all
RUN pip3 install numpy decorator sympy cffi pyyaml attrs psutil protobuf scipy
ENV ASCEND_HOME=/usr/local/Ascend
`;

const PYTORCH_META = `2.2.0-cann8.0.RC1-oe2203sp4:
  path: 2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile
`;

/**
 * @param {string} base
 * @param {string} [version]
 */
const pytorchDockerfile = (base, version = "2.2.0") => `ARG BASE=${base}
FROM \${BASE}

ARG PYTORCH_VERSION=${version}
RUN pip3 install torch==\${PYTORCH_VERSION} torch-npu==\${PYTORCH_VERSION} && rm -rf ~/.cache/pip
`;

const LLM_META = `chatglm3_6b-pytorch2.2.0-cann8.0.RC1-oe2203sp4:
  path: chatglm3_6b-pytorch2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile
`;

/** @param {string} base */
const llmDockerfile = (base) => `ARG BASE=${base}
FROM \${BASE}

WORKDIR /workspace
RUN pip3 install transformers==4.38.2 sentencepiece accelerate fschat && rm -rf ~/.cache/pip
CMD ["python3", "-m", "fastchat.serve.cli", "--model-path", "/models/chatglm3-6b"]
`;

const CANN = "openeuler/cann:8.0.RC1-oe2203sp4";
const PYTORCH = "openeuler/pytorch:2.2.0-cann8.0.RC1-oe2203sp4";

/** @type {Readonly<Record<string, string>>} */
const STACK = {
  "AI/image-list.yml": IMAGE_LIST,
  "AI/cann/meta.yml": CANN_META,
  "AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile": cannDockerfile("openeuler/openeuler:22.03-lts-sp4"),
  "AI/pytorch/meta.yml": PYTORCH_META,
  "AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile": pytorchDockerfile(CANN),
  "AI/llm/meta.yml": LLM_META,
  "AI/llm/chatglm3_6b-pytorch2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile": llmDockerfile(PYTORCH),
};

/**
 * The clean stack with some files replaced, added, or (with `null`) removed.
 * @param {Record<string, string | null>} changes
 */
function stackWith(changes) {
  /** @type {Record<string, string>} */
  const files = { ...STACK };
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) delete files[path];
    else files[path] = text;
  }
  return files;
}

/**
 * A whole repository to load, the file to show first, and the rule codes it must trigger.
 * @typedef {{id: string, title: string, description: string, active: string, expect: string[], files: Record<string, string>}} Example
 */

/** @type {Example[]} */
export const EXAMPLES = [
  {
    id: "stack",
    title: "Clean AI stack: cann → pytorch → llm",
    description: "Three layers of an oEEP-0014 stack on openEuler 22.03 LTS SP4. No findings.",
    active: "AI/pytorch/meta.yml",
    expect: [],
    files: STACK,
  },
  {
    id: "yaml",
    title: "YAML: duplicate tag, tab indentation",
    description:
      "A new pytorch version was added by copying the entry and the tag was not changed; the llm manifest is indented with a tab.",
    active: "AI/pytorch/meta.yml",
    expect: ["Y001", "Y002", "T005"],
    files: stackWith({
      "AI/pytorch/meta.yml": `${PYTORCH_META}2.2.0-cann8.0.RC1-oe2203sp4:
  path: 2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile
`,
      "AI/pytorch/2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile": pytorchDockerfile(CANN, "2.3.1"),
      "AI/llm/meta.yml": LLM_META.replace("  path", "\tpath"),
    }),
  },
  {
    id: "tags",
    title: "Tags: malformed OS suffix, version copied from elsewhere",
    description:
      "One tag spells the OS release `oe22.03sp4` instead of `oe2203sp4`; another says 2.1.0 while its Dockerfile lives in the 2.2.1 folder.",
    active: "AI/pytorch/meta.yml",
    expect: ["T002", "T005"],
    files: stackWith({
      "AI/pytorch/meta.yml": `${PYTORCH_META}2.3.1-cann8.0.RC1-oe22.03sp4:
  path: 2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile
2.1.0-cann8.0.RC1-oe2203sp4:
  path: 2.2.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile
`,
      "AI/pytorch/2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile": pytorchDockerfile(CANN, "2.3.1"),
      "AI/pytorch/2.2.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile": pytorchDockerfile(CANN, "2.2.1"),
    }),
  },
  {
    id: "paths",
    title: "Paths: missing Dockerfile, repository-root path",
    description:
      "An entry for openEuler 24.03 LTS SP1 was added without its Dockerfile; an older entry still writes its path from the repository root.",
    active: "AI/pytorch/meta.yml",
    expect: ["P001", "P003"],
    files: stackWith({
      "AI/cann/meta.yml": `${CANN_META}8.0.RC1-oe2403sp1:
  path: 8.0.RC1/24.03-lts-sp1/Dockerfile
`,
      "AI/cann/8.0.RC1/24.03-lts-sp1/Dockerfile": cannDockerfile("openeuler/openeuler:24.03-lts-sp1"),
      "AI/pytorch/meta.yml": `${PYTORCH_META}2.2.0-cann8.0.RC1-oe2403sp1:
  path: 2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile
2.1.0-cann8.0.RC1-oe2203sp4:
  path: AI/pytorch/2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile
`,
      "AI/pytorch/2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile": pytorchDockerfile(CANN, "2.1.0"),
    }),
  },
  {
    id: "parents",
    title: "Parents: withdrawn parent tag, floating base",
    description:
      "The llm image is built on a pytorch tag that no meta.yml declares any more; cann builds on the moving `openeuler/openeuler:22.03`.",
    active: "AI/llm/chatglm3_6b-pytorch2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile",
    expect: ["L003", "L006"],
    files: stackWith({
      "AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile": cannDockerfile("openeuler/openeuler:22.03"),
      "AI/llm/chatglm3_6b-pytorch2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile": llmDockerfile(
        "openeuler/pytorch:2.1.0-cann8.0.RC1-oe2203sp4",
      ),
    }),
  },
  {
    id: "os-drift",
    title: "OS drift: 24.03 image on a 22.03 parent",
    description:
      "The pytorch Dockerfile for openEuler 24.03 LTS SP1 was copied from the 22.03 one and still builds on the 22.03 cann image.",
    active: "AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile",
    expect: ["L004"],
    files: stackWith({
      "AI/pytorch/meta.yml": `${PYTORCH_META}2.2.0-cann8.0.RC1-oe2403sp1:
  path: 2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile
`,
      "AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile": pytorchDockerfile(CANN),
    }),
  },
  {
    id: "arch",
    title: "Architectures: misspelled arch, parent built for fewer",
    description:
      "cann is built for aarch64 only, but pytorch (no `arch`: both) builds on it; llm spells `arm64` instead of `aarch64`.",
    active: "AI/pytorch/meta.yml",
    expect: ["A001", "L005"],
    files: stackWith({
      "AI/cann/meta.yml": `${CANN_META}  arch: aarch64
`,
      "AI/llm/meta.yml": `${LLM_META}  arch: arm64
`,
    }),
  },
  {
    id: "image-list",
    title: "Image list: unlisted image, stale entry",
    description:
      "AI/image-list.yml forgot the llm image and still lists a tensorflow folder that was deleted.",
    active: "AI/image-list.yml",
    expect: ["R001", "R002"],
    files: stackWith({
      "AI/image-list.yml": IMAGE_LIST.replace("  llm: llm\n", "  tensorflow: tensorflow\n"),
    }),
  },
];

export const DEFAULT_EXAMPLE = EXAMPLES[0];

/** @param {string} id */
export function findExample(id) {
  return EXAMPLES.find((example) => example.id === id) ?? null;
}
