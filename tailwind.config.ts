import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // A warm red that keeps 4.5:1 contrast on white for text and buttons.
        brand: { 50: "#fef2f2", 100: "#fee2e2", 600: "#b91c1c", 700: "#991b1b", 800: "#7f1d1d" },
      },
      fontFamily: {
        sans: ["system-ui", "\"PingFang SC\"", "\"Microsoft YaHei\"", "\"WenQuanYi Micro Hei\"", "\"Noto Sans CJK SC\"", "sans-serif"],
      },
    },
  },
  plugins: [],
} satisfies Config;
