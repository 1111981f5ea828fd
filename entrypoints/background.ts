export default defineBackground(() => {
  // Wired by the extension issue.
});
