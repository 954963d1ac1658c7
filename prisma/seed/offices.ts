// 民政部门 of the seeded counties and the 乡镇社会救助服务站 of 萧县 (seed 004: "以现有乡镇政府政务
// 服务中心为平台 … 设立乡镇社会救助服务站").
import type { PrismaClient } from "~/generated/prisma/client.ts";

export const OFFICES = {
  xiaoXian: { id: "seed-office-xiaoxian", name: "萧县民政局", regionCode: "341322", phone: "0557-5022349", address: "萧县龙城镇民政路 8 号 县政务服务中心一楼社会救助窗口" },
  longCheng: { id: "seed-office-longcheng", name: "龙城镇社会救助服务站", regionCode: "341322100", phone: "0557-5031234", address: "萧县龙城镇人民政府便民服务中心" },
  huangKou: { id: "seed-office-huangkou", name: "黄口镇社会救助服务站", regionCode: "341322101", phone: "0557-5611234", address: "萧县黄口镇人民政府便民服务中心" },
  shengQuan: { id: "seed-office-shengquan", name: "圣泉镇社会救助服务站", regionCode: "341322118", phone: "0557-5921234", address: "萧县圣泉镇人民政府便民服务中心" },
  yongQiao: { id: "seed-office-yongqiao", name: "埇桥区民政局", regionCode: "341302", phone: "0557-3022349", address: "宿州市埇桥区政务服务中心社会救助窗口" },
  zhangDian: { id: "seed-office-zhangdian", name: "张店区民政局", regionCode: "370303", phone: "0533-2182349", address: "淄博市张店区政务服务中心社会救助“一门受理”窗口" },
  manZhouLi: { id: "seed-office-manzhouli", name: "满洲里市民政局", regionCode: "150781", phone: "0470-6222349", address: "满洲里市社会救助服务大厅" },
  zhaLanTun: { id: "seed-office-zhalantun", name: "扎兰屯市民政局", regionCode: "150783", phone: "0470-3222349", address: "扎兰屯市社会救助服务大厅" },
} as const;

export type OfficeKey = keyof typeof OFFICES;

export async function seedOffices(prisma: PrismaClient) {
  for (const office of Object.values(OFFICES)) {
    await prisma.office.upsert({ where: { id: office.id }, update: {}, create: office });
  }
}
