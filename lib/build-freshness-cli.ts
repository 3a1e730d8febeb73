/**
 * `npm start` runs this (compiled next to the server) before the server: exit 0 when the build is
 * up to date, 1 when it must be rebuilt. Plain Node, so it costs a few milliseconds.
 */
import { isBuildFresh } from "./build-freshness";

process.exit(isBuildFresh(process.cwd(), { compiledServer: true }) ? 0 : 1);
