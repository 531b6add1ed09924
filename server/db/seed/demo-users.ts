import type { Role } from "../../domain/roles.ts";

/** Where a demo account sits: a grid by name, or a department by code. */
export interface DemoUser {
  username: string;
  displayName: string;
  phone: string;
  role: Role;
  gridName?: string;
  departmentCode?: string;
}

/** One account for every role of DOMAIN.md §1; the README lists them. */
export const DEMO_USERS: DemoUser[] = [
  { username: "office", displayName: "区网格办 王敏", phone: "13899500001", role: "district_office" },
  { username: "leader", displayName: "区领导 李建华", phone: "13899500002", role: "district_leader" },
  {
    username: "township",
    displayName: "亚尔镇 阿依古丽",
    phone: "13899500003",
    role: "township_officer",
    gridName: "亚尔镇",
  },
  {
    username: "gridhead",
    displayName: "亚尔镇网格长 买买提",
    phone: "13899500004",
    role: "grid_head",
    gridName: "亚尔镇",
  },
  {
    username: "member",
    displayName: "亚尔村网格员 热依拉",
    phone: "13899500005",
    role: "grid_member",
    gridName: "亚尔村",
  },
  {
    username: "dept",
    displayName: "生态环境分局 张伟",
    phone: "13899500006",
    role: "department_officer",
    departmentCode: "eco",
  },
  {
    username: "depthead",
    displayName: "生态环境分局 赵刚",
    phone: "13899500007",
    role: "department_head",
    departmentCode: "eco",
  },
  {
    username: "supervisor",
    displayName: "区政府督查室 陈静",
    phone: "13899500008",
    role: "supervisor",
    departmentCode: "inspection",
  },
  { username: "resident", displayName: "群众 艾力", phone: "13899500009", role: "public" },
  { username: "sysadmin", displayName: "系统管理员", phone: "13899500010", role: "sys_admin" },
  { username: "secadmin", displayName: "安全管理员", phone: "13899500011", role: "sec_admin" },
  { username: "auditor", displayName: "审计管理员", phone: "13899500012", role: "audit_admin" },
];
