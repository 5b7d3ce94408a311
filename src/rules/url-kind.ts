/** `github.com/o/r`, `www.example.org`: a web address that lost its `https://`, not a path in the repository. */
export function looksLikeAddressWithoutScheme(url: string): boolean {
  return /^www\./iu.test(url) || /^[a-z\d-]+(\.[a-z\d-]+)*\.[a-z]{2,}\//iu.test(url);
}

/** `docs/guide.md`, `../NOTES.md#setup`, `/LICENSE`: a path to a file of the repository (no scheme, no host, not only a fragment). */
export function isRepositoryPath(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !url.startsWith('//') && !/^[a-z][a-z\d+.-]*:/iu.test(url) && !looksLikeAddressWithoutScheme(url);
}
