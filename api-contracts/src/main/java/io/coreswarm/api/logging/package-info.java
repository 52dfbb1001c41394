/** How every service writes its log: text (the default) or one JSON object per line. */
package io.coreswarm.api.logging;
