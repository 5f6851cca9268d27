import { gsap } from 'gsap';
gsap.ticker.remove(gsap.updateRoot);
for (let i=0;i<100;i++){ const tl=gsap.timeline({paused:true}); tl.to({x:0},{x:1,duration:1}); tl.progress(1,false);}
console.log(gsap.globalTimeline.getChildren(false,true,true).length);
