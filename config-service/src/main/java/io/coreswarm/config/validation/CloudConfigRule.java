package io.coreswarm.config.validation;

import org.yaml.snakeyaml.nodes.MappingNode;

/** One check of a parsed cloud-config, like one entry of coreos-cloudinit's {@code validate.Rules}. */
interface CloudConfigRule {
    void check(MappingNode document, Findings findings);
}
