// Conformance with Prisma on real apps, part 1 of 2 (every other app; see apps.ts).
import { describeApps } from "./apps.js";

describeApps(1, 2);
