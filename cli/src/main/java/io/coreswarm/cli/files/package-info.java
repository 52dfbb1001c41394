/**
 * Files a command writes from an answer (a rendering's files, a certificate tar): only inside the
 * folder the user named, with the modes the answer gives.
 */
package io.coreswarm.cli.files;
