import { expect, test } from "vitest";
import { synth } from "./synth.ts";

// Its own file: SST keeps one app per process, and this one never finishes synthesizing.
test("`sst deploy` of a stage without NAERHED_SITE_URL stops before anything is built, and says what to set", async () => {
  await expect(synth("nosite", { NAERHED_MAIL_FROM: "naerhed@kommune.example.dk" })).rejects.toThrow(
    /^NAERHED_SITE_URL is not set\. Set it to the site's https address before you deploy, for example: NAERHED_SITE_URL=https:\/\/naerhed\.kommune\.dk npx sst deploy --stage nosite/,
  );
});
