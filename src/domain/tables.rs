//! Tables that define policy. Defaults live here, in one place, so that a configuration file
//! can later extend them.

use std::collections::BTreeSet;

use crate::domain::os_release::ReleaseTable;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub releases: ReleaseTable,
    pub images: ImageTables,
    pub stack: StackTables,
}

/// How published image references map onto this repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageTables {
    /// The namespace every image of the repository is published under (`openeuler/<name>`).
    pub namespace: String,
    /// Registries that serve the same images as Docker Hub: `quay.io/openeuler/cann` is the
    /// in-repo `cann` image.
    pub mirror_registries: Vec<String>,
    /// The operating-system base image, published from outside `meta.yml`; its tags are release
    /// folder names (`22.03-lts-sp4`) and the floating aliases below.
    pub os_base_image: String,
    /// Moving tags of the base image and the release each currently resolves to.
    pub floating_aliases: Vec<(String, String)>,
}

impl Default for ImageTables {
    fn default() -> ImageTables {
        let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        ImageTables {
            namespace: "openeuler".into(),
            mirror_registries: strings(&["docker.io", "quay.io", "hub.oepkgs.net"]),
            os_base_image: "openeuler".into(),
            floating_aliases: [
                ("22.03", "22.03-lts-sp4"),
                ("24.03", "24.03-lts-sp4"),
                ("latest", "24.03-lts-sp4"),
            ]
            .iter()
            .map(|(alias, dir)| (alias.to_string(), dir.to_string()))
            .collect(),
        }
    }
}

impl ImageTables {
    /// The release folder a floating tag resolves to.
    pub fn floating(&self, tag: &str) -> Option<&str> {
        self.floating_aliases
            .iter()
            .find(|(alias, _)| alias == tag)
            .map(|(_, dir)| dir.as_str())
    }
}

/// Which images are layers of the AI stack (oEEP-0014) and which tag components they know.
/// Sets: a configuration may add many names, and every tag looks its parts up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackTables {
    /// The scene folder the stack lives in. An image elsewhere is an ordinary image, even
    /// when its name is a layer's (`Others/tensorflow` is a CPU build, no framework layer).
    pub scene: String,
    pub sdk_images: BTreeSet<String>,
    pub framework_images: BTreeSet<String>,
    /// LLM and application images, built on a framework layer.
    pub llm_images: BTreeSet<String>,
    pub sdk_components: BTreeSet<String>,
    pub framework_components: BTreeSet<String>,
    /// Components a tag may carry besides its SDK and framework (`python3.11`).
    pub extra_components: BTreeSet<String>,
}

impl Default for StackTables {
    fn default() -> StackTables {
        let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
        StackTables {
            scene: "AI".into(),
            sdk_images: strings(&[
                "cann",
                "cuda",
                "oneapi-basekit",
                "oneapi-runtime",
                "maca-sdk",
            ]),
            framework_images: strings(&["pytorch", "mindspore", "tensorflow"]),
            llm_images: strings(&["llm", "vllm-ascend"]),
            sdk_components: strings(&["cann", "cuda", "cudnn", "oneapi", "maca", "rocm"]),
            framework_components: strings(&[
                "pytorch",
                "torch",
                "torch_npu",
                "mindspore",
                "tensorflow",
            ]),
            extra_components: strings(&["python"]),
        }
    }
}

impl StackTables {
    /// Whether the image root `root` is in the stack's scene, where names make layers.
    pub fn in_stack_scene(&self, root: &str) -> bool {
        root.split('/').next() == Some(self.scene.as_str())
    }
}
