/**
 * NANP geographic area codes of the US, DC and the territories → state and, where the state spans
 * several zones, the zones the area code's rate centres lie in.
 *
 * Provenance: written for this project (2026-12) from the NANPA area-code assignments as publicly
 * listed by state, cross-checked against libphonenumber-js's metadata (the unit test asserts every
 * code here is a valid US-region number there, and that every US-region area code there appears
 * here). Zones of split codes come from the county time-zone boundaries (49 CFR part 71) and the
 * counties each code serves; where a code reaches a county in another zone, both are listed.
 * Single-zone states carry no `zones`: the state's zone applies.
 *
 * Caveats: a mobile number keeps its area code when its owner moves, so an area code is the weakest
 * of the three location sources (ZIP, then state, then this). Notable decisions:
 * - 219 (NW Indiana, "The Region"): Central, but listed with Eastern too, because Pulaski/White
 *   county exchanges on the code's eastern edge keep Eastern time.
 * - 574 (north-central Indiana): Eastern, plus Central for Starke County (Knox).
 * - 915 (El Paso and Hudspeth counties): wholly Mountain, so Mountain only; 432 (Midland–Odessa and
 *   Culberson County) spans Central and Mountain.
 * - 606 (eastern Kentucky) includes Clinton County (Central); 423 (East Tennessee) includes Marion
 *   and other Central counties near Chattanooga.
 * - 334 (Alabama) includes Phenix City, which keeps Eastern by custom: not listed (legal zone only).
 */
export type AreaCode = { state: string; zones?: readonly string[] };

const E = 'America/New_York';
const C = 'America/Chicago';
const M = 'America/Denver';
const P = 'America/Los_Angeles';

const single = (state: string, codes: string): [string, AreaCode][] =>
  codes.split(' ').map((code) => [code, { state }]);
const split = (state: string, codes: string, zones: readonly string[]): [string, AreaCode][] =>
  codes.split(' ').map((code) => [code, { state, zones }]);

export const AREA_CODES: Readonly<Record<string, AreaCode>> = Object.fromEntries([
  ...single('AL', '205 251 256 334 659 938'),
  ...split('AK', '907', ['America/Anchorage', 'America/Adak']),
  ...split('AZ', '480 520 602 623', ['America/Phoenix']),
  ...split('AZ', '928', ['America/Phoenix', M]), // Navajo Nation observes DST
  ...single('AR', '327 479 501 870'),
  ...single(
    'CA',
    '209 213 279 310 323 341 350 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 738 747 760 805 818 820 831 837 840 858 909 916 925 949 951',
  ),
  ...single('CO', '303 719 720 748 970 983'),
  ...single('CT', '203 475 860 959'),
  ...single('DE', '302'),
  ...single('DC', '202 771'),
  ...split('FL', '239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954', [E]),
  ...split('FL', '448 850', [C, E]), // Panhandle: Central west of the Apalachicola, Eastern around Tallahassee
  ...single('GA', '229 404 470 478 678 706 762 770 912 943'),
  ...single('HI', '808'),
  ...split('ID', '208 986', ['America/Boise', P]),
  ...single('IL', '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872'),
  ...split('IN', '260 317 463 765', ['America/Indiana/Indianapolis']),
  ...split('IN', '219', [C, 'America/Indiana/Indianapolis']),
  ...split('IN', '574', ['America/Indiana/Indianapolis', C]),
  ...split('IN', '812 930', [C, 'America/Indiana/Indianapolis']), // Evansville area Central
  ...single('IA', '319 515 563 641 712'),
  ...split('KS', '316 913', [C]),
  ...split('KS', '620 785', [C, M]),
  ...split('KY', '270 364', [C, E]),
  ...split('KY', '502 859', [E]),
  ...split('KY', '606', [E, C]),
  ...single('LA', '225 318 337 504 985'),
  ...single('ME', '207'),
  ...single('MD', '227 240 301 410 443 667'),
  ...single('MA', '339 351 413 508 617 774 781 857 978'),
  ...split('MI', '231 248 269 313 517 586 616 679 734 810 947 989', ['America/Detroit']),
  ...split('MI', '906', ['America/Detroit', 'America/Menominee']),
  ...single('MN', '218 320 507 612 651 763 924 952'),
  ...single('MS', '228 601 662 769'),
  ...single('MO', '235 314 417 557 573 636 660 816 975'),
  ...single('MT', '406'),
  ...split('NE', '402 531', [C]),
  ...split('NE', '308', [C, M]),
  ...split('NV', '702 725', [P]),
  ...split('NV', '775', [P, M]), // West Wendover keeps Mountain
  ...single('NH', '603'),
  ...single('NJ', '201 551 609 640 732 848 856 862 908 973'),
  ...single('NM', '505 575'),
  ...single('NY', '212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934'),
  ...single('NC', '252 336 472 704 743 828 910 919 980 984'),
  ...split('ND', '701', [C, M]),
  ...single('OH', '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937'),
  ...single('OK', '405 539 572 580 918'),
  ...split('OR', '503 971', [P]),
  ...split('OR', '458 541', [P, 'America/Boise']), // Malheur County keeps Mountain
  ...single('PA', '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878'),
  ...single('RI', '401'),
  ...single('SC', '803 821 839 843 854 864'),
  ...split('SD', '605', [C, M]),
  ...split('TN', '615 629 731 901 931', [C]),
  ...split('TN', '865', [E]),
  ...split('TN', '423', [E, C]),
  ...split(
    'TX',
    '210 214 254 281 325 346 361 409 430 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979',
    [C],
  ),
  ...split('TX', '432', [C, M]),
  ...split('TX', '915', [M]),
  ...single('UT', '385 435 801'),
  ...single('VT', '802'),
  ...single('VA', '276 434 540 571 686 703 757 804 826 948'),
  ...single('WA', '206 253 360 425 509 564'),
  ...single('WV', '304 681'),
  ...single('WI', '262 274 353 414 534 608 715 920'),
  ...single('WY', '307'),
  ...single('PR', '787 939'),
  ...single('VI', '340'),
  ...single('GU', '671'),
  ...single('MP', '670'),
  ...single('AS', '684'),
]);
