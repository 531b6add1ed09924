import sharp from "sharp";

/**
 * Stand-ins for a grid member's site photos in the demo: a desert scene (sky, sand, a building, and a dark
 * heap where something was found), drawn from shapes so no real place or person is shown and nothing has to
 * be shipped. Small JPEGs without metadata, as the app stores a cleaned photo.
 */
export async function demoSitePhotos(count: number): Promise<Buffer[]> {
  const photos: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const sun = 60 + ((i * 97) % 200);
    const building = 40 + ((i * 53) % 180);
    const heap = 150 + ((i * 71) % 120);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
      <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
        <stop offset="0" stop-color="#7fb3e0"/><stop offset="1" stop-color="#d8e8f2"/></linearGradient></defs>
      <rect width="480" height="200" fill="url(#sky)"/>
      <circle cx="${sun}" cy="60" r="22" fill="#fff4c2"/>
      <path d="M0 170 Q120 ${120 + (i % 4) * 10} 240 175 T480 160 V200 H0 Z" fill="#b9826a"/>
      <rect y="200" width="480" height="160" fill="#d9bf8c"/>
      <rect x="${building}" y="130" width="120" height="80" fill="#c7c2b8" stroke="#8c877d" stroke-width="3"/>
      <rect x="${building + 15}" y="150" width="22" height="22" fill="#5d6d7e"/>
      <rect x="${building + 70}" y="160" width="30" height="50" fill="#6e5a49"/>
      <ellipse cx="${heap}" cy="290" rx="${70 + (i % 3) * 15}" ry="26" fill="#3b3a36" opacity="0.85"/>
      <ellipse cx="${heap + 30}" cy="280" rx="24" ry="10" fill="#5b5a55"/>
    </svg>`;
    photos.push(await sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer());
  }
  return photos;
}
